import { EventTypes, ProcessJobName, ProcessQueue } from '@plantsync/messaging';
import type { SagaDefinition, SagaShape } from '@plantsync/saga';
import type { TransferContext } from './inventory-transfer.context';
import { validateTransferStep } from './steps/validate-transfer.step';
import { checkSourceAvailabilityStep } from './steps/check-source-availability.step';
import { cancelReservationCompensation } from './compensations/cancel-reservation.compensation';
import { cancelStockTransportCompensation } from './compensations/cancel-stock-transport.compensation';
import { cancelTransferOrderCompensation } from './compensations/cancel-transfer-order.compensation';
import { createStockTransportStep } from './steps/create-stock-transport.step';
import { createTransferOrderStep } from './steps/create-transfer-order.step';
import { pickTransferStep } from './steps/pick-transfer.step';
import { postGoodsIssueStep } from './steps/post-goods-issue.step';
import { postGoodsReceiptStep } from './steps/post-goods-receipt.step';
import { receiveTransferStep } from './steps/receive-transfer.step';
import { reserveSourceStockStep } from './steps/reserve-source-stock.step';
import { shipTransferStep } from './steps/ship-transfer.step';
import type { TransferStepDeps } from './steps/transfer-step.deps';

export const INVENTORY_TRANSFER_SAGA = 'inventory-transfer';

/**
 * The job names of the saga, known before DI builds the definition with its clients (SagaModule
 * checks at boot that the definition below has exactly this shape).
 */
export const INVENTORY_TRANSFER_SHAPE: SagaShape = {
  type: INVENTORY_TRANSFER_SAGA,
  queue: ProcessQueue.InventoryTransfer,
  steps: [
    ProcessJobName.ValidateTransfer,
    ProcessJobName.CheckSourceAvailability,
    ProcessJobName.ReserveSourceStock,
    ProcessJobName.CreateStockTransport,
    ProcessJobName.CreateTransferOrder,
    ProcessJobName.PickTransfer,
    ProcessJobName.ShipTransfer,
    ProcessJobName.ReceiveTransfer,
    ProcessJobName.PostGoodsIssue,
    ProcessJobName.PostGoodsReceipt,
  ],
  compensations: [ProcessJobName.CancelReservation, ProcessJobName.CancelStockTransport, ProcessJobName.CancelTransferOrder],
};

/**
 * The inventory-transfer saga (docs/processes/inventory-transfer.md). Up to and including
 * ship-transfer a failure compensates (cancel the transfer order, the stock transport order and
 * the reservation, in that order); from receive-transfer on the goods have left the source, so a
 * failure stops as `exception` for a person (`onFailure: 'exception'`).
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
      createStockTransportStep(deps),
      createTransferOrderStep(deps),
      pickTransferStep(deps),
      shipTransferStep(deps),
      receiveTransferStep(deps),
      postGoodsIssueStep(deps),
      postGoodsReceiptStep(deps),
    ],
    compensate: {
      [ProcessJobName.CancelReservation]: cancelReservationCompensation(deps),
      [ProcessJobName.CancelStockTransport]: cancelStockTransportCompensation(deps),
      [ProcessJobName.CancelTransferOrder]: cancelTransferOrderCompensation(deps),
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
