import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { required, transferMovement, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * Creates the transfer order at the SOURCE WMS (transfer orders live there; the destination is
 * named by toPlant/toLocation) and hands our reservation over to it in the same WMS transaction
 * (`reservation`): the stock stays held from reserve-source-stock until ship, with no window in
 * which other demand could take it. The compensation (cancel the transfer order, which releases
 * the reservation with it) is registered before the WMS is called.
 */
export function createTransferOrderStep({ wms }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.CreateTransferOrder,
    compensations: (ctx) => [{ action: ProcessJobName.CancelTransferOrder, args: { plant: ctx.fromPlant } }],
    async run(ctx, tools) {
      const order = await wms.createTransferOrder(
        { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
        ctx.fromPlant,
        { ...transferMovement(ctx), reservation: required(ctx.reservation, 'reservation') },
      );
      await tools.checkpoint({ transferOrder: order.id });
      return {
        patch: { transferOrder: order.id },
        output: { transferOrder: order.id, status: order.status, ...(order.reservation ? { reservation: order.reservation } : {}) },
      };
    },
  };
}
