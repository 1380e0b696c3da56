import { SystemApiNotFoundError } from '@plantsync/clients';
import { ProcessJobName } from '@plantsync/messaging';
import { SagaStepFailed, type SagaStep } from '@plantsync/saga';
import type { OrderReleaseContext } from '../order-release.context';
import { readContext, type OrderReleaseDeps } from '../order-release.deps';

/** 1. Loads the production order from the ERP; only a planned order can be released. */
export function loadProductionOrderStep({ erp }: OrderReleaseDeps): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.LoadProductionOrder,
    async run(ctx, tools) {
      const order = await erp.getProductionOrder(readContext(tools), ctx.plant, ctx.productionOrder).catch((e: unknown) => {
        // An unknown order or plant: retrying cannot help.
        if (e instanceof SystemApiNotFoundError)
          throw new SagaStepFailed('production-order-not-found', `production order ${ctx.productionOrder} does not exist at ${ctx.plant}`);
        throw e;
      });
      if (order.status !== 'planned')
        throw new SagaStepFailed(
          'production-order-not-releasable',
          `production order ${order.number} is ${order.status}; only a planned order can be released`,
          { currentStatus: order.status },
        );
      return {
        patch: {
          order: {
            id: order.id,
            number: order.number,
            item: order.item,
            quantity: { value: order.quantity.value, unit: order.quantity.unit },
            plannedStart: order.plannedStart,
            plannedEnd: order.plannedEnd,
            ...(order.workCenter ? { workCenter: order.workCenter } : {}),
          },
        },
      };
    },
  };
}
