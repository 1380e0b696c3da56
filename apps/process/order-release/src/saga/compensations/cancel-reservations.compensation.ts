import { EventTypes, ProcessJobName } from '@plantsync/messaging';
import type { SagaCompensationHandler } from '@plantsync/saga';
import type { ComponentReservation, OrderReleaseContext } from '../order-release.context';
import { callContext, type OrderReleaseDeps } from '../order-release.deps';

/**
 * Undoes reserve-components: cancels every reservation the step made, read from its output or
 * last checkpoint (so a step that failed after two of five components cancels those two). The
 * WMS answers a cancelled reservation unchanged, and each cancel has its own key: safe to repeat.
 */
export function cancelReservationsCompensation({ wms }: OrderReleaseDeps): SagaCompensationHandler<OrderReleaseContext> {
  return async (args, tools, saga) => {
    const made = (saga.outputs[ProcessJobName.ReserveComponents] as { reservations?: ComponentReservation[] } | undefined)?.reservations ?? [];
    const plant = String(args.plant);
    for (const reservation of made) await wms.cancelReservation(callContext(tools, reservation.id), plant, reservation.id);
    return {
      events: made.map((r) =>
        tools.event(EventTypes.ReservationCancelled, {
          plant,
          productionOrder: String(args.reference),
          reservation: r.id,
          reason: `release of ${String(args.reference)} did not complete`,
        }),
      ),
    };
  };
}
