import { compareQuantity, decimal, type Quantity } from '@plantsync/canonical';
import { ProcessJobName } from '@plantsync/messaging';
import { SagaStepFailed, type SagaStep } from '@plantsync/saga';
import { required, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * Available-to-promise at the source must cover the transfer. Stock under quality inspection or
 * blocked is never transferable (the WMS reports it apart from ATP); the refusal says so, because
 * "we have 80 on the shelf" is what the planner sees otherwise.
 */
export function checkSourceAvailabilityStep({ wms }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.CheckSourceAvailability,
    async run(ctx, tools) {
      const quantity = required(ctx.stockQuantity, 'stockQuantity');
      const location = required(ctx.sourceLocation, 'sourceLocation');
      const availability = await wms.getAvailability({ correlationId: tools.correlationId }, ctx.fromPlant, {
        item: ctx.item,
        location,
        ...(ctx.lot ? { lot: ctx.lot } : {}),
      });
      const atp = availability.availableToPromise;
      const snapshot = {
        availableToPromise: atp,
        qualityInspection: availability.qualityInspection,
        blocked: availability.blocked,
        reserved: availability.reserved,
      };
      if (compareQuantity(atp, quantity) < 0) {
        const where = `${ctx.item}${ctx.lot ? ` lot ${ctx.lot}` : ''} at ${location} (${ctx.fromPlant})`;
        const held = [positive(availability.qualityInspection, 'under quality inspection'), positive(availability.blocked, 'blocked')].filter(Boolean);
        if (decimal(atp.value).isZero() && held.length > 0)
          throw new SagaStepFailed(
            'stock-not-transferable',
            `${where}: no stock available to promise; ${held.join(' and ')} is never transferable`,
            snapshot,
          );
        throw new SagaStepFailed(
          'insufficient-stock',
          `${where}: ${atp.value} ${atp.unit} available to promise, ${quantity.value} ${quantity.unit} requested${held.length ? ` (${held.join(' and ')} does not count)` : ''}`,
          snapshot,
        );
      }
      return { output: snapshot };
    },
  };
}

function positive(q: Quantity, what: string): string | undefined {
  return decimal(q.value).greaterThan(0) ? `${q.value} ${q.unit} ${what}` : undefined;
}
