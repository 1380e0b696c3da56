import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { required, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * Picks at the source: the WMS chooses the lots (first in, first out unless a lot was named). The
 * order's own reservation holds the stock, so pick never competes with it.
 */
export function pickTransferStep({ wms }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.PickTransfer,
    async run(ctx, tools) {
      const order = await wms.pickTransferOrder(
        { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
        ctx.fromPlant,
        required(ctx.transferOrder, 'transferOrder'),
      );
      return {
        patch: order.lot ? { pickedLot: order.lot } : {},
        output: { transferOrder: order.id, status: order.status, ...(order.lot ? { lot: order.lot } : {}) },
      };
    },
  };
}
