import { addQuantity } from '@plantsync/canonical';
import { hasProblemCode } from '@plantsync/clients';
import { ProcessJobName } from '@plantsync/messaging';
import { SagaStepFailed, type SagaStep } from '@plantsync/saga';
import { plannedStartDay, type ComponentRequirement, type OrderReleaseContext } from '../order-release.context';
import { readContext, type OrderReleaseDeps } from '../order-release.deps';

/**
 * 3. Component requirements: the ERP API's multi-level explosion (canonical `explodeBom`: order
 * quantity × quantity per × (1 + scrap), each in the component's base unit) for the planned start
 * day; the leaves — purchased parts and raw material — summed per item over every path.
 */
export function explodeBomStep({ erp }: OrderReleaseDeps): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.ExplodeBom,
    async run(ctx, tools) {
      const order = ctx.order!;
      const at = plannedStartDay(ctx);
      const explosion = await erp
        .explodeBom(readContext(tools), ctx.plant, order.item, { at, quantity: order.quantity.value, unit: order.quantity.unit })
        .catch((e: unknown) => {
          for (const code of ['no-released-bom-revision', 'bom-cycle', 'bom-too-deep', 'bom-unit-not-convertible'])
            if (hasProblemCode(e, code)) throw new SagaStepFailed(code, `BOM explosion of ${order.item} failed: ${(e as Error).message}`);
          throw e;
        });
      const byItem = new Map<string, ComponentRequirement>();
      for (const line of explosion.lines.filter((l) => l.leaf)) {
        const seen = byItem.get(line.item);
        const quantity = { value: line.requiredQuantity.value, unit: line.requiredQuantity.unit };
        byItem.set(line.item, { item: line.item, quantity: seen ? addQuantity(seen.quantity, quantity) : quantity });
      }
      if (byItem.size === 0) throw new SagaStepFailed('bom-without-components', `the BOM of ${order.item} has no components`);
      const requirements = [...byItem.values()].map((r) => ({ item: r.item, quantity: { value: r.quantity.value, unit: r.quantity.unit } }));
      return { patch: { requirements } };
    },
  };
}
