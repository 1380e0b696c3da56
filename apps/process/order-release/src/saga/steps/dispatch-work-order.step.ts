import { EventTypes, ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import type { OrderReleaseContext } from '../order-release.context';
import { callContext, type OrderReleaseDeps } from '../order-release.deps';

/** 8. Sends the order to the plant's MES as a B2MML work order (idempotent per order at the MES and by key). */
export function dispatchWorkOrderStep({ mes }: OrderReleaseDeps): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.DispatchWorkOrders,
    async run(ctx, tools) {
      const order = ctx.order!;
      const workOrder = await mes.dispatchWorkOrder(callContext(tools), ctx.plant, {
        number: order.number,
        item: order.item,
        quantity: order.quantity,
        plannedStart: order.plannedStart,
        plannedEnd: order.plannedEnd,
        ...(order.workCenter ? { workCenter: order.workCenter } : {}),
      });
      return {
        patch: { workOrder: workOrder.id },
        output: { workOrder: workOrder.id, status: workOrder.status },
        events: [
          tools.event(EventTypes.WorkOrderDispatched, {
            plant: ctx.plant,
            productionOrder: ctx.productionOrder,
            workOrders: [workOrder.id],
            ...(workOrder.workCenter ?? order.workCenter ? { workCenter: workOrder.workCenter ?? order.workCenter } : {}),
          }),
        ],
      };
    },
  };
}
