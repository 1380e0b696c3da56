import { DATASET_ANCHOR_DATE } from './anchor-date';
import { BOMS } from './boms';
import type { DemoDataset } from './demo-dataset.types';
import { ITEMS } from './items';
import { PLANTS } from './plants';
import { PRODUCTION_ORDERS } from './production-orders';
import { PURCHASE_ORDERS } from './purchase-orders';
import { LOTS, STOCK } from './stock';
import { SUPPLIERS } from './suppliers';
import { ITEM_UNIT_CONVERSIONS, UNITS } from './units';

export { DATASET_ANCHOR_DATE, anchorPlus } from './anchor-date';
export { DEMO_SCENARIOS } from './scenarios';
export type * from './demo-dataset.types';

/** The coherent demo landscape every simulator seeds from (see docs/sandbox.md). */
export const DEMO_DATASET: DemoDataset = {
  anchorDate: DATASET_ANCHOR_DATE,
  units: UNITS,
  itemUnitConversions: ITEM_UNIT_CONVERSIONS,
  plants: PLANTS,
  items: ITEMS,
  boms: BOMS,
  suppliers: SUPPLIERS,
  purchaseOrders: PURCHASE_ORDERS,
  productionOrders: PRODUCTION_ORDERS,
  lots: LOTS,
  stock: STOCK,
};
