import { EventTypes, ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import type { OrderReleaseContext } from '../order-release.context';
import type { OrderReleaseDeps } from '../order-release.deps';

/** 9. ProductionOrderReleased, committed with the saga's completion. */
export function publishReleasedStep({ observer }: Pick<OrderReleaseDeps, 'observer'> = {}): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.PublishReleased,
    async run(ctx, tools) {
      const releasedAt = new Date().toISOString();
      observer?.released(ctx, releasedAt);
      return {
        patch: { releasedAt },
        events: [tools.event(EventTypes.ProductionOrderReleased, { plant: ctx.plant, productionOrder: ctx.productionOrder, releasedAt })],
      };
    },
  };
}
