import { decimal, formatDecimal, type DecimalValue, type InventoryBalance, type WorkOrder } from '@plantsync/canonical';

/** What the WMS holds of one item at a plant, per unit it is stocked in. */
export interface StockReference {
  item: string;
  /** unit → summed quantity (decimal string) and number of balances. */
  byUnit: Map<string, { quantity: string; balances: number }>;
}

/** The MES work orders of one item at a plant, per unit they are planned in. */
export interface WorkOrderReference {
  item: string;
  /** unit → work order ids. */
  byUnit: Map<string, string[]>;
}

/**
 * Folds a plant's WMS balances into one reference per item: the master-data check is per item, not
 * per balance, so a thousand balances of an unknown item make one difference, not a thousand.
 */
export async function stockReferences(balances: AsyncIterable<InventoryBalance>): Promise<Map<string, StockReference>> {
  const sums = new Map<string, Map<string, { quantity: DecimalValue; balances: number }>>();
  for await (const b of balances) {
    const byUnit = sums.get(b.item) ?? new Map<string, { quantity: DecimalValue; balances: number }>();
    sums.set(b.item, byUnit);
    const sum = byUnit.get(b.quantity.unit) ?? { quantity: decimal(0), balances: 0 };
    byUnit.set(b.quantity.unit, { quantity: sum.quantity.plus(b.quantity.value), balances: sum.balances + 1 });
  }
  return new Map(
    [...sums].map(([item, byUnit]) => [
      item,
      { item, byUnit: new Map([...byUnit].map(([unit, s]) => [unit, { quantity: formatDecimal(s.quantity), balances: s.balances }])) },
    ]),
  );
}

/** A plant's MES work orders folded into one reference per item. */
export function workOrderReferences(workOrders: readonly WorkOrder[]): Map<string, WorkOrderReference> {
  const refs = new Map<string, WorkOrderReference>();
  for (const wo of workOrders) {
    const ref = refs.get(wo.item) ?? { item: wo.item, byUnit: new Map<string, string[]>() };
    refs.set(wo.item, ref);
    ref.byUnit.set(wo.quantity.unit, [...(ref.byUnit.get(wo.quantity.unit) ?? []), wo.id]);
  }
  return refs;
}
