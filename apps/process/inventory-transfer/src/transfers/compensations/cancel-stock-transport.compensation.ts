import { ProcessJobName } from '@plantsync/messaging';
import type { SagaCompensationHandler } from '@plantsync/saga';
import { transferReference, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from '../steps/transfer-step.deps';

/**
 * Undo of create-stock-transport: cancels the STO in the source plant's ERP. The id comes from the
 * context or the step's checkpoint; when the ERP's answer was lost, the open STOs of this
 * transfer's reference are cancelled. Idempotent: a cancelled STO is answered unchanged. Only runs
 * before shipping, so the goods issue that would make the STO uncancellable was never posted.
 */
export function cancelStockTransportCompensation({ erp }: TransferStepDeps): SagaCompensationHandler<TransferContext> {
  return async (args, tools, saga) => {
    const plant = String(args.plant);
    const read = { correlationId: tools.correlationId };
    const known =
      saga.context.stockTransport ??
      (saga.outputs[ProcessJobName.CreateStockTransport] as { stockTransport?: string } | undefined)?.stockTransport;
    const ids = known
      ? [known]
      : (await erp.listStockTransports(read, plant, transferReference(saga.context))).filter((t) => t.status === 'open').map((t) => t.id);
    for (const id of ids)
      await erp.cancelStockTransport({ ...read, idempotencyKey: ids.length === 1 ? tools.idempotencyKey : `${tools.idempotencyKey}-${id}` }, plant, id);
  };
}
