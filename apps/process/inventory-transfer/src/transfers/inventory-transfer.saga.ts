import { EventTypes, ProcessJobName, ProcessQueue } from '@plantsync/messaging';
import type { SagaDefinition } from '@plantsync/saga';
import type { TransferContext } from './inventory-transfer.context';
import { validateTransferStep } from './steps/validate-transfer.step';
import { checkSourceAvailabilityStep } from './steps/check-source-availability.step';
import { createTransferOrderStep } from './steps/create-transfer-order.step';
import { handOverReservationStep } from './steps/hand-over-reservation.step';
import { pickTransferStep } from './steps/pick-transfer.step';
import { postGoodsIssueStep } from './steps/post-goods-issue.step';
import { postGoodsReceiptStep } from './steps/post-goods-receipt.step';
import { receiveTransferStep } from './steps/receive-transfer.step';
import { reserveSourceStockStep } from './steps/reserve-source-stock.step';
import { shipTransferStep } from './steps/ship-transfer.step';
import type { TransferStepDeps } from './steps/transfer-step.deps';

export const INVENTORY_TRANSFER_SAGA = 'inventory-transfer';

/**
 * The inventory-transfer saga (docs/processes/inventory-transfer.md). Up to and including
 * ship-transfer a failure compensates (cancel the reservation); from receive-transfer on the goods
 * have left the source, so a failure stops as `exception` for a person (`onFailure: 'exception'`).
 */
export function inventoryTransferSaga(deps: TransferStepDeps): SagaDefinition<TransferContext> {
  return {
    type: INVENTORY_TRANSFER_SAGA,
    queue: ProcessQueue.InventoryTransfer,
    source: '/plantsync/inventory-transfer',
    jobPayload: ({ context }) => ({ transfer: context.transfer, fromPlant: context.fromPlant, toPlant: context.toPlant }),
    steps: [
      validateTransferStep(deps),
      checkSourceAvailabilityStep(deps),
      reserveSourceStockStep(deps),
      handOverReservationStep(deps),
      createTransferOrderStep(deps),
      pickTransferStep(deps),
      shipTransferStep(deps),
      receiveTransferStep(deps),
      postGoodsIssueStep(deps),
      postGoodsReceiptStep(deps),
    ],
    compensate: {
      // Idempotent: cancelling a cancelled reservation answers it unchanged; no reservation → nothing to undo.
      [ProcessJobName.CancelReservation]: async (args, tools, saga) => {
        const reservation =
          saga.context.reservation ?? (saga.outputs[ProcessJobName.ReserveSourceStock] as { reservation?: string } | undefined)?.reservation;
        if (!reservation) return;
        await deps.wms.cancelReservation(
          { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
          String(args.plant),
          reservation,
        );
      },
    },
    onException: (ctx, exception) => {
      deps.observer?.exception(ctx, exception);
      return [];
    },
    onFailed: (ctx, failure, tools) => [
      tools.event(EventTypes.InventoryTransferFailed, {
        transfer: ctx.transfer,
        fromPlant: ctx.fromPlant,
        toPlant: ctx.toPlant,
        step: failure.step ?? 'start',
        reason: failure.reason.slice(0, 500),
        code: failure.code.slice(0, 64),
      }),
    ],
  };
}
