import type { SyncObservationReporter } from '@plantsync/clients';
import { ProcessJobName } from '@plantsync/messaging';
import type { SagaFailureInfo } from '@plantsync/saga';
import type { OrderReleaseContext } from './order-release.context';

/** Steps that carry the order to the plant: a failure there is an orders sync failure, not a planning outcome. */
const SYNC_STEPS: readonly string[] = [ProcessJobName.ReleaseInErp, ProcessJobName.DispatchWorkOrders];

/**
 * Tells sync health (reconciliation) how releases reached the plant floor, in the orders domain:
 * lag from the ERP release to the MES work order, and releases that failed on the way there. A
 * shortage, a rejection or an order that was not releasable are planning outcomes and not reported.
 * Fire and forget: the reporter only buffers; a step retried after its run reports again (rare).
 */
export class OrderReleaseObserver {
  constructor(private readonly reporter: Pick<SyncObservationReporter, 'report'>) {}

  released(ctx: OrderReleaseContext, releasedAt: string): void {
    this.reporter.report({
      plant: ctx.plant,
      domain: 'orders',
      businessKey: ctx.productionOrder,
      outcome: 'success',
      eventTime: ctx.erpReleasedAt ?? releasedAt,
      postedAt: releasedAt,
    });
  }

  failed(ctx: OrderReleaseContext, failure: SagaFailureInfo): void {
    if (!failure.step || !SYNC_STEPS.includes(failure.step)) return;
    this.reporter.report({
      plant: ctx.plant,
      domain: 'orders',
      businessKey: ctx.productionOrder,
      outcome: 'dead_letter',
      eventTime: ctx.erpReleasedAt ?? new Date().toISOString(),
      reason: `Releasing ${ctx.productionOrder} failed at ${failure.step}: ${failure.reason}`,
      impact: `Production order ${ctx.productionOrder} did not reach the floor of plant ${ctx.plant}: the release was rolled back and the MES has no work order for it. Release it again once the cause is fixed.`,
    });
  }
}
