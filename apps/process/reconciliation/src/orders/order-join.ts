import type { ProductionOrder, ProductionOrderStatus, WorkOrder, WorkOrderStatus } from '@plantsync/canonical';
import { judgeOrder, type OrderVerdict } from './order-status-compatibility';

/** One production order on which the ERP and the MES disagree. */
export interface OrderDifference extends OrderVerdict {
  plant: string;
  /** The production order number (the join key). */
  order: string;
  item: string;
  unit: string;
  /** null: the ERP does not know the order. */
  erpStatus: ProductionOrderStatus | null;
  /** null: the MES holds no work order for it. */
  mesStatus: WorkOrderStatus | null;
  workOrder: string | null;
  erpProduced: string | null;
  mesProduced: string | null;
}

export interface JoinCounts {
  erpOrders: number;
  mesWorkOrders: number;
  /** Orders on which both systems agree. */
  matched: number;
}

/**
 * Joins a plant's ERP production orders (streamed, any order) with its MES work orders on the
 * production order number and yields every order the two disagree on. The work orders are held in
 * memory (an MES holds the plant's open work, not its history); the ERP side streams. An ERP order
 * listed twice (offset pages shifting under a new order) is judged once.
 */
export async function* joinOrders(
  plant: string,
  erpOrders: AsyncIterable<ProductionOrder>,
  workOrders: readonly WorkOrder[],
  counts: JoinCounts,
): AsyncGenerator<OrderDifference> {
  const unmatched = new Map(workOrders.map((wo) => [wo.productionOrder, wo]));
  counts.mesWorkOrders += unmatched.size;
  const seen = new Set<string>();
  for await (const order of erpOrders) {
    if (seen.has(order.number)) continue;
    seen.add(order.number);
    counts.erpOrders++;
    const wo = unmatched.get(order.number);
    unmatched.delete(order.number);
    const difference = compareOrder(plant, order.number, order, wo);
    if (difference) yield difference;
    else counts.matched++;
  }
  for (const [number, wo] of unmatched) {
    const difference = compareOrder(plant, number, undefined, wo);
    if (difference) yield difference;
  }
}

/** One order's verdict with both sides' facts; null when they agree. */
export function compareOrder(plant: string, number: string, erp: ProductionOrder | undefined, wo: WorkOrder | undefined): OrderDifference | null {
  const verdict = judgeOrder(number, erp?.status, wo?.status ?? 'none');
  if (!verdict) return null;
  return {
    ...verdict,
    plant,
    order: number,
    item: erp?.item ?? wo!.item,
    unit: erp?.quantity.unit ?? wo!.quantity.unit,
    erpStatus: erp?.status ?? null,
    mesStatus: wo?.status ?? null,
    workOrder: wo?.id ?? null,
    erpProduced: erp?.producedQuantity.value ?? null,
    mesProduced: wo?.producedQuantity.value ?? null,
  };
}
