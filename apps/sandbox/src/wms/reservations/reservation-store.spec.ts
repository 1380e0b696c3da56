import { SandboxStore } from '../../core';
import { wmsCollections, type ReservationRecord } from '../wms.records';
import { openReservationsOf, putReservation, wmsReservationIndexSeeder } from './reservation-store';

const reservation = (id: string, itemNumber: string, status: ReservationRecord['status'] = 'open'): ReservationRecord => ({
  id,
  warehouseCode: 'P100',
  itemNumber,
  quantity: { amount: '5', unit: 'EA' },
  reference: 'MO-P100-0003',
  status,
  createdAt: '2026-11-22T10:00:00Z',
});

describe('sandbox WMS reservation store', () => {
  let store: SandboxStore;
  beforeEach(() => (store = new SandboxStore(':memory:')));

  it("reads an item's open reservations only — not cancelled ones, not another item sharing its prefix", () => {
    putReservation(store, 'P100', reservation('R-1', 'BRKT-1042'));
    putReservation(store, 'P100', reservation('R-2', 'BRKT-10420'));
    putReservation(store, 'P100', reservation('R-3', 'BRKT-1042', 'cancelled'));
    putReservation(store, 'P100', reservation('R-4', 'BRKT-1042'));
    putReservation(store, 'P200', reservation('R-5', 'BRKT-1042'));
    expect([...openReservationsOf(store, 'P100', 'BRKT-1042')].map((r) => r.id)).toEqual(['R-1', 'R-4']);
    expect([...openReservationsOf(store, 'P100', undefined)].map((r) => r.id).sort()).toEqual(['R-1', 'R-2', 'R-4']);
  });

  it('drops a reservation from the open reads once it is cancelled or consumed', () => {
    putReservation(store, 'P100', reservation('R-1', 'BRKT-1042'));
    putReservation(store, 'P100', { ...reservation('R-1', 'BRKT-1042'), status: 'consumed' });
    expect([...openReservationsOf(store, 'P100', 'BRKT-1042')]).toEqual([]);
  });

  it('indexes reservations written before the key existed when the seeder runs', () => {
    store.put(wmsCollections('P100').reservations, 'R-OLD', reservation('R-OLD', 'BRKT-1042'));
    expect([...openReservationsOf(store, 'P100', 'BRKT-1042')]).toEqual([]);
    wmsReservationIndexSeeder.seed({ plants: [{ code: 'P100' }] } as never, store);
    expect([...openReservationsOf(store, 'P100', 'BRKT-1042')].map((r) => r.id)).toEqual(['R-OLD']);
  });
});
