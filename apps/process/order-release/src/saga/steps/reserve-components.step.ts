import { compareQuantity, zero, type Quantity } from '@plantsync/canonical';
import { EventTypes, ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import type { ComponentReservation, OrderReleaseContext } from '../order-release.context';
import { callContext, type OrderReleaseDeps } from '../order-release.deps';

/**
 * 5. The WMS reservations of the order's components (reference = the production order), in one
 * all-or-nothing batch. It runs before the shortage check so that, while a planner decides about a
 * shortage, the stock that is there stays held for this order (otherwise an approval a day later
 * could find it gone). A component short of stock is reserved as far as stock goes; the rest is
 * covered by purchase orders or accepted by the planner. The WMS reserves every line or none (stock
 * taken meanwhile refuses the batch: nothing is held), and the step's key
 * `<sagaId>-reserve-components` makes a re-run get the same reservations back instead of a second
 * set. The ids are checkpointed as soon as the WMS answers, so the compensation (cancel-reservation,
 * registered before this step runs) cancels exactly those.
 */
export function reserveComponentsStep({ wms }: OrderReleaseDeps): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.ReserveComponents,
    compensations: (ctx) => [{ action: ProcessJobName.CancelReservation, args: { plant: ctx.plant, reference: ctx.productionOrder } }],
    async run(ctx, tools) {
      const lines = ctx.availability!.flatMap((component) => {
        const quantity = reservable(component.quantity, component.available);
        return quantity ? [{ item: component.item, quantity }] : []; // nothing in stock to hold: the planner decides
      });
      const reservations: ComponentReservation[] = [];
      if (lines.length > 0) {
        const batch = await wms.createReservations(callContext(tools), ctx.plant, { reference: ctx.productionOrder, lines });
        // In line order; the quantity is what was asked, as the WMS reserves exactly that.
        batch.reservations.forEach((r, i) => reservations.push({ item: lines[i]!.item, id: r.id, quantity: lines[i]!.quantity }));
        await tools.checkpoint({ reservations });
      }
      return {
        patch: { reservations },
        output: { reservations },
        events: reservations.map((r) =>
          tools.event(EventTypes.MaterialReserved, {
            plant: ctx.plant,
            productionOrder: ctx.productionOrder,
            reservation: r.id,
            lines: [{ item: r.item, quantity: r.quantity }],
          }),
        ),
      };
    },
  };
}

/** What to reserve: the requirement, or what stock there is when it is short; undefined for none. */
function reservable(required: Quantity, available: Quantity): Quantity | undefined {
  const quantity = compareQuantity(required, available) <= 0 ? required : available;
  return compareQuantity(quantity, zero(quantity.unit)) > 0 ? { value: quantity.value, unit: quantity.unit } : undefined;
}
