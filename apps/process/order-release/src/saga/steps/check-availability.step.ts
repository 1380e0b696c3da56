import { compareQuantity } from '@plantsync/canonical';
import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import type { ComponentAvailability, OrderReleaseContext } from '../order-release.context';
import { readContext, type OrderReleaseDeps } from '../order-release.deps';
import { inUnit } from './unit-conversion';

/**
 * 4. Available to promise of every component at the plant's WMS (unrestricted − reserved: lots under
 * quality inspection or blocked never count), asked for all components in one call. Components it
 * does not cover become shortage candidates for the next step.
 */
export function checkAvailabilityStep({ wms, erp }: OrderReleaseDeps): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.CheckAvailability,
    async run(ctx, tools) {
      const read = readContext(tools);
      const requirements = ctx.requirements!;
      const answers = await wms.getAvailabilities(read, ctx.plant, requirements.map((r) => r.item));
      const atpByItem = new Map(answers.map((a) => [a.item, a.availableToPromise]));
      const availability: ComponentAvailability[] = [];
      for (const requirement of requirements) {
        const atp = atpByItem.get(requirement.item);
        if (!atp) throw new Error(`wms-api answered no availability for ${requirement.item} at ${ctx.plant}`);
        const available = await inUnit(erp, read, ctx.plant, requirement.item, atp, requirement.quantity.unit);
        availability.push({ ...requirement, available });
      }
      const short = availability.filter((a) => compareQuantity(a.quantity, a.available) > 0).map((a) => a.item);
      return { patch: { availability }, output: { availability, short } };
    },
  };
}
