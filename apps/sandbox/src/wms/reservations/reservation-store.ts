import type { SandboxSeeder, SandboxStore } from '../../core';
import { wmsCollections, type ReservationRecord } from '../wms.records';

/**
 * Secondary key of a reservation while it is open: its item. Available-to-promise reads the open
 * reservations of one item on every availability check, transfer and reservation; reading them
 * from this key costs the item's open reservations, where listing the collection cost every
 * reservation ever made (the collection grows by a dozen per order release, and the bench's
 * release rate fell as it grew).
 */
const OPEN_ITEM_KEY = 'open-item';

/** Writes a reservation and keeps its open-item key in step; the only way reservations are written. */
export function putReservation(store: SandboxStore, plant: string, reservation: ReservationRecord): void {
  const collection = wmsCollections(plant).reservations;
  store.put(collection, reservation.id, reservation);
  store.setKey(collection, OPEN_ITEM_KEY, reservation.id, reservation.status === 'open' ? reservation.itemNumber : null);
}

/** The open reservations of one item (every item when undefined), in id order within an item. */
export function* openReservationsOf(store: SandboxStore, plant: string, item: string | undefined): Generator<ReservationRecord> {
  // [item, item + U+0000) holds exactly the key `item`: every longer code sorts after it.
  const range = item === undefined ? {} : { after: item, inclusive: true, before: `${item}\u0000` };
  yield* store.scanByKey<ReservationRecord>(wmsCollections(plant).reservations, OPEN_ITEM_KEY, range);
}

/** Sets the open-item key of reservations written before it existed: once per sandbox file. */
export const wmsReservationIndexSeeder: SandboxSeeder = {
  name: 'wms-reservation-index',
  version: 1,
  seed(dataset, store) {
    for (const plant of dataset.plants)
      for (const reservation of store.list<ReservationRecord>(wmsCollections(plant.code).reservations))
        putReservation(store, plant.code, reservation);
  },
};
