import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { required, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * Releases the reservation right before the transfer order is created. Why: the WMS contract has
 * no "consume a reservation by a transfer order", and creating and picking a transfer order check
 * available-to-promise, which our own reservation lowers — with exactly enough stock the transfer
 * would refuse itself. The hold therefore ends here and the transfer order's pick takes the stock
 * a moment later (docs/processes/inventory-transfer.md, "Known gaps").
 */
export function handOverReservationStep({ wms }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.HandOverReservation,
    async run(ctx, tools) {
      const id = required(ctx.reservation, 'reservation');
      // Cancelling a cancelled reservation answers it unchanged: safe to run twice.
      const reservation = await wms.cancelReservation(
        { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
        ctx.fromPlant,
        id,
      );
      return { output: { reservation: id, status: reservation.status } };
    },
  };
}
