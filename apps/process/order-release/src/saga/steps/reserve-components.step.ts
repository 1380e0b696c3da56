import { compareQuantity, zero, type Quantity } from '@plantsync/canonical';
import { EventTypes, ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import type { ComponentReservation, OrderReleaseContext } from '../order-release.context';
import { callContext, type OrderReleaseDeps } from '../order-release.deps';

/**
 * 5. One WMS reservation per component, referencing the production order. It runs before the
 * shortage check so that, while a planner decides about a shortage, the stock that is there stays
 * held for this order (otherwise an approval a day later could find it gone). A component short of
 * stock is reserved as far as stock goes; the rest is covered by purchase orders or accepted by
 * the planner. Each reservation id is checkpointed as soon as the WMS answers, so the
 * compensation (cancel-reservation, registered before this step runs) cancels exactly those, even
 * if the step fails half way. Each call has its own key `<sagaId>-reserve-components-<item>`: a
 * re-run gets the same reservation back instead of a second one.
 */
export function reserveComponentsStep({ wms }: OrderReleaseDeps): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.ReserveComponents,
    compensations: (ctx) => [{ action: ProcessJobName.CancelReservation, args: { plant: ctx.plant, reference: ctx.productionOrder } }],
    async run(ctx, tools) {
      const reservations: ComponentReservation[] = [];
      for (const component of ctx.availability!) {
        const quantity = reservable(component.quantity, component.available);
        if (!quantity) continue; // nothing in stock to hold; the planner accepted the shortage
        const reservation = await wms.createReservation(callContext(tools, component.item), ctx.plant, {
          item: component.item,
          quantity,
          reference: ctx.productionOrder,
        });
        reservations.push({ item: component.item, id: reservation.id, quantity });
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
