import type { SagaCompensationHandler } from '@plantsync/saga';
import type { OrderReleaseContext } from '../order-release.context';
import { callContext, readContext, type OrderReleaseDeps } from '../order-release.deps';

/**
 * Undoes release-in-erp: released → planned through the ERP API's revert-release (never a cancel:
 * the planner's order must stay plannable). Nothing to do when the order is still planned (the
 * release never happened). Any other status — the shop floor started it — is not ours to touch:
 * the error stays permanent, the job becomes a dead letter and the saga stays compensating for a
 * person to decide.
 */
export function revertErpReleaseCompensation({ erp }: OrderReleaseDeps): SagaCompensationHandler<OrderReleaseContext> {
  return async (args, tools) => {
    const plant = String(args.plant);
    const number = String(args.productionOrder);
    const order = await erp.getProductionOrder(readContext(tools), plant, number);
    if (order.status === 'planned') return;
    await erp.revertProductionOrderRelease(callContext(tools), plant, number);
  };
}
