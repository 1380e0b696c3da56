import { selectEffectiveRevision } from '@plantsync/canonical';
import { hasProblemCode } from '@plantsync/clients';
import { ProcessJobName } from '@plantsync/messaging';
import { SagaStepFailed, type SagaStep } from '@plantsync/saga';
import { plannedStartDay, type OrderReleaseContext } from '../order-release.context';
import { readContext, type OrderReleaseDeps } from '../order-release.deps';

/**
 * 2. The BOM revision effective on the planned start day. The ERP API selects it with the canonical
 * `selectEffectiveRevision` over every revision (only it can list them); the answer is checked
 * with the same rule here, so a drafted or expired revision can never slip through.
 */
export function selectBomRevisionStep({ erp }: OrderReleaseDeps): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.SelectBomRevision,
    async run(ctx, tools) {
      const at = plannedStartDay(ctx);
      const item = ctx.order!.item;
      const noRevision = () =>
        new SagaStepFailed('no-released-bom-revision', `no released BOM revision of ${item} effective ${at}`, { item, at });
      const bom = await erp.getEffectiveBom(readContext(tools), ctx.plant, item, { at }).catch((e: unknown) => {
        if (hasProblemCode(e, 'no-released-bom-revision')) throw noRevision();
        throw e;
      });
      let selected;
      try {
        selected = selectEffectiveRevision([bom], at, item);
      } catch {
        throw noRevision();
      }
      return {
        patch: {
          bom: {
            revision: selected.revision,
            effectiveFrom: selected.effectiveFrom,
            ...(selected.effectiveTo ? { effectiveTo: selected.effectiveTo } : {}),
            at,
          },
        },
      };
    },
  };
}
