import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { required, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * Waits for the destination to receive everything. Receipts arrive through
 * `POST /v1/inventory-transfers/:id/receipts` (partial ones allowed, over-receipt refused by the
 * WMS); the last one continues the saga. If the goods already arrived (a re-run, or a receipt that
 * raced this step) it finishes at once. Past the point of no return: a failure or the receipt
 * deadline makes the transfer an exception for a person, never a reversal.
 */
export function receiveTransferStep({ wms, receiptWindowMs }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.ReceiveTransfer,
    onFailure: 'exception',
    async run(ctx, tools) {
      const order = await wms.getTransferOrder({ correlationId: tools.correlationId }, ctx.fromPlant, required(ctx.transferOrder, 'transferOrder'));
      const output = { transferOrder: order.id, status: order.status, received: order.receivedQuantity };
      // The time the saga saw it all received: the destination's business event for the ERP receipt's lag.
      if (order.status === 'received') return { output, patch: { receivedAt: ctx.receivedAt ?? new Date().toISOString() } };
      return {
        output,
        wait: {
          reason: `waiting for receipts at ${ctx.toPlant}: ${order.receivedQuantity.value} of ${order.quantity.value} ${order.quantity.unit} received`,
          until: new Date(Date.now() + receiptWindowMs),
        },
      };
    },
  };
}
