import { DEMO_DATASET } from '../../../apps/sandbox/src/dataset/demo-dataset';

/** Demo production order numbers of a plant in a status, as the sandbox seeds them. */
export function demoOrders(plant: string, status: string): string[] {
  return DEMO_DATASET.productionOrders.filter((o) => o.plant === plant && o.status === status).map((o) => o.number);
}

/** Demo purchase order numbers of a supplier, optionally at one plant. */
export function demoPurchaseOrders(supplier: string, plant?: string): string[] {
  return DEMO_DATASET.purchaseOrders.filter((p) => p.supplier === supplier && (!plant || p.plant === plant)).map((p) => p.number);
}

export const qty = (value: string, unit = 'EA') => ({ value, unit });

