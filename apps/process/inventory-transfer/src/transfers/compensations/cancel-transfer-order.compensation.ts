import { ProcessJobName } from '@plantsync/messaging';
import type { SagaCompensationHandler } from '@plantsync/saga';
import type { TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from '../steps/transfer-step.deps';

/**
 * Undo of create-transfer-order: cancels the order at the source WMS, which releases the
 * reservation it took over. The order id comes from the context or the step's checkpoint; when
 * the WMS's answer was lost, from the reservation it took over (`transferOrder`). Idempotent: a
 * cancelled order is answered unchanged; no order → nothing to undo. Only runs before shipping
 * (the saga never compensates after it), so the WMS's 409 for a shipped order cannot be hit.
 */
export function cancelTransferOrderCompensation({ wms }: TransferStepDeps): SagaCompensationHandler<TransferContext> {
  return async (args, tools, saga) => {
    const plant = String(args.plant);
    const read = { correlationId: tools.correlationId };
    let id = saga.context.transferOrder ?? (saga.outputs[ProcessJobName.CreateTransferOrder] as { transferOrder?: string } | undefined)?.transferOrder;
    if (!id && saga.context.reservation) id = (await wms.getReservation(read, plant, saga.context.reservation)).transferOrder;
    if (!id) return;
    await wms.cancelTransferOrder({ ...read, idempotencyKey: tools.idempotencyKey }, plant, id);
  };
}
