import type { CallContext } from '@plantsync/connectors';
import { ProcessJobName } from '@plantsync/messaging';
import type { SagaCompensationHandler } from '@plantsync/saga';
import type { TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from '../steps/transfer-step.deps';

/**
 * Undo of reserve-source-stock. Idempotent: a reservation that is no longer open (cancelled, or
 * consumed — which cannot happen before shipping) needs nothing; no reservation → nothing to undo.
 * One held by a transfer order (the order was created after all, e.g. its answer was lost) is
 * released by cancelling that order: the WMS refuses to cancel such a reservation on its own.
 */
export function cancelReservationCompensation({ wms }: TransferStepDeps): SagaCompensationHandler<TransferContext> {
  return async (args, tools, saga) => {
    const plant = String(args.plant);
    const id =
      saga.context.reservation ?? (saga.outputs[ProcessJobName.ReserveSourceStock] as { reservation?: string } | undefined)?.reservation;
    if (!id) return;
    const read: CallContext = { correlationId: tools.correlationId };
    const reservation = await wms.getReservation(read, plant, id);
    if (reservation.status !== 'open') return;
    if (reservation.transferOrder) {
      await wms.cancelTransferOrder({ ...read, idempotencyKey: `${tools.idempotencyKey}-transfer-order` }, plant, reservation.transferOrder);
      return;
    }
    await wms.cancelReservation({ ...read, idempotencyKey: tools.idempotencyKey }, plant, id);
  };
}
