import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { movedLot, required, transferReference, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * The source side in the ERP: a goods issue from the source location that names the stock
 * transport order, which ships (closes) it in the ERP. The idempotency key is the
 * step's (`<transfer>-post-goods-issue`), so a retry — also a planner's retry after an exception —
 * posts once.
 */
export function postGoodsIssueStep({ erp, observer }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.PostGoodsIssue,
    onFailure: 'exception',
    async run(ctx, tools) {
      const lot = movedLot(ctx);
      const movement = await erp.postGoodsMovement(
        { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
        ctx.fromPlant,
        {
          type: 'goods_issue',
          item: ctx.item,
          quantity: required(ctx.shippedQuantity, 'shippedQuantity'),
          ...(lot ? { lot } : {}),
          fromLocation: required(ctx.sourceLocation, 'sourceLocation'),
          reference: transferReference(ctx),
          ...(ctx.stockTransportNumber ? { stockTransport: ctx.stockTransportNumber } : {}),
        },
      );
      // Now, not the ERP's document time (whole seconds): lag is measured on one clock.
      observer?.goodsIssuePosted(ctx, new Date().toISOString());
      return { patch: { goodsIssue: movement.id }, output: { goodsIssue: movement.id, postedAt: movement.postedAt } };
    },
  };
}
