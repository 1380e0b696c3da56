import { DEMO_DATASET } from '../../../apps/sandbox/src/dataset/demo-dataset';

/** Sum of a plant's seeded demo stock of one item in one status (what the sandbox WMS starts with). */
export function seededStock(plant: string, item: string, status: string, lot?: string): string {
  return String(
    DEMO_DATASET.stock
      .filter((s) => s.plant === plant && s.item === item && s.status === status && (lot === undefined || s.lot === lot))
      .reduce((sum, s) => sum + Number(s.quantity), 0),
  );
}

/** The seeded lots of an item at a plant location in one status, oldest first. */
export function seededLots(plant: string, item: string, location: string, status = 'unrestricted'): Array<{ lot: string; quantity: string }> {
  return DEMO_DATASET.stock
    .filter((s) => s.plant === plant && s.item === item && s.location === location && s.status === status && s.lot)
    .map((s) => ({ lot: s.lot as string, quantity: s.quantity }));
}

export const qty = (value: string, unit = 'EA') => ({ value, unit });
