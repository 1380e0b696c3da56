import type { ProductionOrder, WorkOrder, WorkOrderStatus } from '@plantsync/canonical';
import type { CallContext } from './call-context';
import { PlantConnector } from './plant-connector';

/** What a dispatch needs of a production order; a full ProductionOrder satisfies it. */
export type DispatchableOrder = Pick<ProductionOrder, 'number' | 'item' | 'quantity' | 'plannedStart' | 'plannedEnd' | 'workCenter'>;

/** Which of a plant's work orders to list. */
export interface WorkOrderQuery {
  status?: WorkOrderStatus;
}

/** One plant's MES through the canonical model. */
export abstract class MesConnector extends PlantConnector {
  /** Sends the order to the MES as a work order (B2MML: ProcessProductionSchedule). Idempotent by order. */
  abstract dispatchWorkOrder(ctx: CallContext, order: DispatchableOrder): Promise<WorkOrder>;
  abstract getWorkOrder(ctx: CallContext, workOrderId: string): Promise<WorkOrder>;
  /** Every work order the plant's MES holds (optionally of one status), ordered by production order number. */
  abstract listWorkOrders(ctx: CallContext, query?: WorkOrderQuery): Promise<WorkOrder[]>;
}
