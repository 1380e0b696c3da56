import Decimal from 'decimal.js';
import type { SandboxSeeder, SandboxStore } from '../core';
import type { DemoDataset, ProductionOrderStatus } from '../dataset/demo-dataset.types';
import { MES_SITE_SCOPES, workOrderCollection, workOrderIdOf, type MesSegmentState, type MesWorkOrder } from './mes-work-order';

/**
 * Where each ERP status leaves an order on the shop floor. Released orders were dispatched by the
 * order release (its last step), so the MES holds them as Ready; orders in progress are Running;
 * completed ones Completed. Planned and cancelled orders never reached the MES, and closed ones
 * were archived by it after completion — the pairs docs/reconciliation.md calls consistent.
 */
const SEGMENT_STATE_BY_STATUS: Partial<Record<ProductionOrderStatus, MesSegmentState>> = {
  released: 'Ready',
  in_progress: 'Running',
  completed: 'Completed',
};

/** The demo production orders on the shop floor exist as work orders in that plant's MES. */
export const mesWorkOrdersSeeder: SandboxSeeder = {
  name: 'mes',
  // 2: released and completed orders too (1 seeded in-progress orders only).
  version: 2,
  seed(dataset: DemoDataset, store: SandboxStore): void {
    for (const order of dataset.productionOrders) {
      const state = SEGMENT_STATE_BY_STATUS[order.status];
      if (!state) continue;
      const id = workOrderIdOf(order.number);
      // A re-seed of an older file keeps work orders that already exist: they may have progressed since.
      if (store.get<MesWorkOrder>(workOrderCollection(order.plant), id)) continue;
      const wo: MesWorkOrder = {
        id,
        plant: order.plant,
        orderNumber: order.number,
        item: order.item,
        quantity: new Decimal(order.quantity).toFixed(),
        unit: order.unit,
        produced: new Decimal(order.completedQuantity).toFixed(),
        scrapped: new Decimal(order.scrappedQuantity).toFixed(),
        earliestStart: `${order.plannedStart}T00:00:00Z`,
        latestEnd: `${order.plannedEnd}T23:59:59Z`,
        workCenter: order.workCenter,
        hierarchyScope: MES_SITE_SCOPES[order.plant] ?? order.plant,
        state,
        lastSequence: 0,
        createdAt: `${order.plannedStart}T00:00:00Z`,
      };
      store.put(workOrderCollection(order.plant), wo.id, wo);
    }
  },
};
