import { CreateReceiptInput, CreateReservationInput, CreateTransferOrderInput, Quantity, UnitMismatchError } from '@plantsync/canonical';
import type { WmsReservation, WmsStockBalance, WmsTransferOrder } from './rest-wms.contract';
import {
  computeAvailability,
  toCreateReceiptRequest,
  toCreateReservationRequest,
  toCreateTransferOrderRequest,
  toInventoryBalance,
  toReservation,
  toTransferOrder,
} from './rest-wms.mapping';

const balance = (locationCode: string, stockStatus: WmsStockBalance['stockStatus'], amount: string, lotNumber?: string): WmsStockBalance => ({
  locationCode,
  itemNumber: 'BRG-6205',
  ...(lotNumber ? { lotNumber } : {}),
  stockStatus,
  quantity: { amount, unit: 'EA' },
});

const reservation = (amount: string, status: WmsReservation['status'] = 'open'): WmsReservation => ({
  id: 'RSV-P200-000007',
  warehouseCode: 'MTY1',
  itemNumber: 'BRG-6205',
  quantity: { amount, unit: 'EA' },
  reference: 'MO-P200-000118',
  status,
  createdAt: '2026-11-02T08:00:00.000Z',
});

describe('rest-wms mapping: availability from balances', () => {
  const balances = [
    balance('P200-RM', 'unrestricted', '120.5', 'L-P200-261002-01'),
    balance('P200-LINE2', 'unrestricted', '30', 'L-P200-261002-01'),
    balance('P200-QI', 'quality_inspection', '40', 'L-P200-261020-02'),
    balance('P200-RM', 'blocked', '5', 'L-P200-260901-03'),
    balance('P200-TRANSIT', 'in_transit', '12', 'L-P100-261015-04'),
  ];

  it('promises unrestricted stock minus open reservations and reports QI, blocked and in-transit apart', () => {
    const a = computeAvailability('P200', { item: 'BRG-6205' }, 'EA', balances, [reservation('50.25')]);
    expect(a.unrestricted).toEqual(Quantity.of('150.5', 'EA'));
    expect(a.reserved).toEqual(Quantity.of('50.25', 'EA'));
    expect(a.availableToPromise).toEqual(Quantity.of('100.25', 'EA'));
    expect(a.qualityInspection).toEqual(Quantity.of('40', 'EA'));
    expect(a.blocked).toEqual(Quantity.of('5', 'EA'));
    expect(a.inTransit).toEqual(Quantity.of('12', 'EA'));
    expect(a.balances).toHaveLength(5);
    expect(a.balances[2]).toMatchObject({ plant: 'P200', location: 'P200-QI', lot: 'L-P200-261020-02', stockStatus: 'quality_inspection' });
  });

  it('never promises below zero when reservations exceed unrestricted stock', () => {
    const a = computeAvailability('P200', { item: 'BRG-6205' }, 'EA', [balance('P200-RM', 'unrestricted', '10')], [reservation('25')]);
    expect(a.availableToPromise).toEqual(Quantity.of('0', 'EA'));
    expect(a.reserved).toEqual(Quantity.of('25', 'EA'));
  });

  it('ignores cancelled reservations and answers zeros in the stock unit when there is no stock', () => {
    const a = computeAvailability('P200', { item: 'BRG-6205', location: 'P200-RM' }, 'EA', [], [reservation('5', 'cancelled')]);
    expect(a).toMatchObject({ location: 'P200-RM', unrestricted: { value: '0', unit: 'EA' }, availableToPromise: { value: '0', unit: 'EA' } });
  });

  it('refuses to add up stock held in different units', () => {
    const kg: WmsStockBalance = { ...balance('P200-RM', 'unrestricted', '1'), quantity: { amount: '1', unit: 'KG' } };
    expect(() => computeAvailability('P200', { item: 'BRG-6205' }, 'EA', [kg], [])).toThrow(UnitMismatchError);
  });
});

describe('rest-wms mapping: records', () => {
  it('maps a balance without lot and leaves lot out', () => {
    const b = toInventoryBalance('P100', { locationCode: 'P100-RM', itemNumber: 'BRKT-1042', stockStatus: 'unrestricted', quantity: { amount: '400', unit: 'EA' } });
    expect(b).toEqual({ plant: 'P100', location: 'P100-RM', item: 'BRKT-1042', stockStatus: 'unrestricted', quantity: { value: '400', unit: 'EA' } });
    expect('lot' in b).toBe(false);
  });

  it('maps a reservation both ways', () => {
    const input = Object.assign(new CreateReservationInput(), {
      item: 'BRKT-1042',
      quantity: Quantity.of('24', 'EA'),
      location: 'P200-RM',
      reference: 'MO-P200-000118',
    });
    expect(toCreateReservationRequest('MTY1', input)).toEqual({
      warehouseCode: 'MTY1',
      itemNumber: 'BRKT-1042',
      quantity: { amount: '24', unit: 'EA' },
      locationCode: 'P200-RM',
      reference: 'MO-P200-000118',
    });
    expect(toReservation('P200', { ...reservation('24'), locationCode: 'P200-RM' })).toEqual({
      id: 'RSV-P200-000007',
      plant: 'P200',
      item: 'BRG-6205',
      quantity: { value: '24', unit: 'EA' },
      location: 'P200-RM',
      reference: 'MO-P200-000118',
      status: 'open',
      createdAt: '2026-11-02T08:00:00.000Z',
    });
  });

  it('maps a cross-plant transfer order both ways, keeping the lot', () => {
    const input = Object.assign(new CreateTransferOrderInput(), {
      item: 'BRG-6204',
      quantity: Quantity.of('30', 'EA'),
      lot: 'L100-260918-07',
      fromLocation: 'P100-RM',
      toPlant: 'P300',
      toLocation: 'P300-RM',
    });
    expect(toCreateTransferOrderRequest('DET1', input)).toEqual({
      warehouseCode: 'DET1',
      itemNumber: 'BRG-6204',
      quantity: { amount: '30', unit: 'EA' },
      lotNumber: 'L100-260918-07',
      fromLocationCode: 'P100-RM',
      toPlantCode: 'P300',
      toLocationCode: 'P300-RM',
    });
    const wire: WmsTransferOrder = {
      id: 'TO-P100-000003',
      warehouseCode: 'DET1',
      itemNumber: 'BRG-6204',
      lotNumber: 'L100-260918-07',
      quantity: { amount: '30', unit: 'EA' },
      receivedQuantity: { amount: '10', unit: 'EA' },
      fromLocationCode: 'P100-RM',
      toPlantCode: 'P300',
      toLocationCode: 'P300-RM',
      transitLocationCode: 'P300-TRANSIT',
      status: 'partially_received',
      picks: [],
      createdAt: '2026-11-02T08:00:00.000Z',
    };
    expect(toTransferOrder('P100', wire)).toEqual({
      id: 'TO-P100-000003',
      plant: 'P100',
      item: 'BRG-6204',
      quantity: { value: '30', unit: 'EA' },
      receivedQuantity: { value: '10', unit: 'EA' },
      lot: 'L100-260918-07',
      fromLocation: 'P100-RM',
      toPlant: 'P300',
      toLocation: 'P300-RM',
      status: 'partially_received',
      createdAt: '2026-11-02T08:00:00.000Z',
    });
  });

  it('sends receipts as unrestricted unless a status is given', () => {
    const input = Object.assign(new CreateReceiptInput(), { item: 'BRKT-1042', quantity: Quantity.of('500', 'EA'), location: 'P100-RM' });
    expect(toCreateReceiptRequest('DET1', input).stockStatus).toBe('unrestricted');
    expect(toCreateReceiptRequest('DET1', { ...input, stockStatus: 'quality_inspection' }).stockStatus).toBe('quality_inspection');
  });
});
