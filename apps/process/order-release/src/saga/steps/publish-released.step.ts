import { EventTypes, ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import type { OrderReleaseContext } from '../order-release.context';

/** 9. ProductionOrderReleased, committed with the saga's completion. */
export function publishReleasedStep(): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.PublishReleased,
    async run(ctx, tools) {
      const releasedAt = new Date().toISOString();
      return {
        patch: { releasedAt },
        events: [tools.event(EventTypes.ProductionOrderReleased, { plant: ctx.plant, productionOrder: ctx.productionOrder, releasedAt })],
      };
    },
  };
}
