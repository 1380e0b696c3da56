import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import type { OrderReleaseContext } from '../order-release.context';
import { callContext, type OrderReleaseDeps } from '../order-release.deps';

/**
 * 7. planned → released in the ERP. Its compensation (revert-erp-release: released → planned, never
 * a cancel) is registered before the call, so a failure of the MES dispatch after it undoes it.
 */
export function releaseInErpStep({ erp }: OrderReleaseDeps): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.ReleaseInErp,
    compensations: (ctx) => [{ action: ProcessJobName.RevertErpRelease, args: { plant: ctx.plant, productionOrder: ctx.productionOrder } }],
    async run(ctx, tools) {
      const released = await erp.releaseProductionOrder(callContext(tools), ctx.plant, ctx.order!.number);
      return { patch: { erpReleasedAt: new Date().toISOString() }, output: { status: released.status } };
    },
  };
}
