import { EventTypes, ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { movedLot, required, transferReference, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * The destination side in the ERP: a goods receipt into the destination location, lot carried
 * over, referencing the stock transport order by its number (the STO lives in the source ERP). Completes the transfer: InventoryTransferCompleted is committed with this step.
 */
export function postGoodsReceiptStep({ erp, observer }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.PostGoodsReceipt,
    onFailure: 'exception',
    async run(ctx, tools) {
      const lot = movedLot(ctx);
      const movement = await erp.postGoodsMovement(
        { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
        ctx.toPlant,
        {
          type: 'goods_receipt',
          item: ctx.item,
          quantity: required(ctx.shippedQuantity, 'shippedQuantity'),
          ...(lot ? { lot } : {}),
          toLocation: required(ctx.destinationLocation, 'destinationLocation'),
          reference: transferReference(ctx),
          ...(ctx.stockTransportNumber ? { stockTransport: ctx.stockTransportNumber } : {}),
        },
      );
      // Now, not the ERP's document time (whole seconds): lag is measured on one clock.
      observer?.goodsReceiptPosted(ctx, new Date().toISOString());
      return {
        patch: { goodsReceipt: movement.id },
        output: { goodsReceipt: movement.id, postedAt: movement.postedAt },
        events: [tools.event(EventTypes.InventoryTransferCompleted, { transfer: ctx.transfer, fromPlant: ctx.fromPlant, toPlant: ctx.toPlant })],
      };
    },
  };
}
