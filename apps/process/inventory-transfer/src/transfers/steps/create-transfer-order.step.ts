import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { required, transferReference, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * Creates the transfer order at the SOURCE WMS (transfer orders live there; the destination is
 * named by toPlant/toLocation). A created or picked order holds no stock, and the WMS contract
 * has no cancel for transfer orders, so there is no compensation to register: an order left
 * behind by a failure before shipping never moves stock.
 */
export function createTransferOrderStep({ wms }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.CreateTransferOrder,
    async run(ctx, tools) {
      const order = await wms.createTransferOrder(
        { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
        ctx.fromPlant,
        {
          item: ctx.item,
          quantity: required(ctx.stockQuantity, 'stockQuantity'),
          ...(ctx.lot ? { lot: ctx.lot } : {}),
          fromLocation: required(ctx.sourceLocation, 'sourceLocation'),
          toPlant: ctx.toPlant,
          toLocation: required(ctx.destinationLocation, 'destinationLocation'),
          reference: transferReference(ctx),
        },
      );
      return { patch: { transferOrder: order.id }, output: { transferOrder: order.id, status: order.status } };
    },
  };
}
