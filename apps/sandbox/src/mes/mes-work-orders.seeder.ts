import Decimal from 'decimal.js';
import type { SandboxSeeder, SandboxStore } from '../core';
import type { DemoDataset } from '../dataset/demo-dataset.types';
import { MES_SITE_SCOPES, workOrderCollection, workOrderIdOf, type MesWorkOrder } from './mes-work-order';

/** Production orders already running on the shop floor exist as work orders in that plant's MES. */
export const mesWorkOrdersSeeder: SandboxSeeder = {
  name: 'mes',
  version: 1,
  seed(dataset: DemoDataset, store: SandboxStore): void {
    for (const order of dataset.productionOrders) {
      if (order.status !== 'in_progress') continue;
      const wo: MesWorkOrder = {
        id: workOrderIdOf(order.number),
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
        state: 'Running',
        lastSequence: 0,
        createdAt: `${order.plannedStart}T00:00:00Z`,
      };
      store.put(workOrderCollection(order.plant), wo.id, wo);
    }
  },
};
