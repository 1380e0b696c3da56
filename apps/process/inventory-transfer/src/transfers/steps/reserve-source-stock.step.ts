import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { required, transferReference, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * Holds the stock at the source WMS until it ships: create-transfer-order hands this reservation
 * over to the transfer order, and ship consumes it. The compensation (cancel the reservation) is
 * registered before the WMS is called; it reads the reservation id from the context or this
 * step's checkpoint, so a failure right after the WMS answered still cancels it.
 */
export function reserveSourceStockStep({ wms }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.ReserveSourceStock,
    compensations: (ctx) => [{ action: ProcessJobName.CancelReservation, args: { plant: ctx.fromPlant } }],
    async run(ctx, tools) {
      const reservation = await wms.createReservation(
        { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
        ctx.fromPlant,
        {
          item: ctx.item,
          quantity: required(ctx.stockQuantity, 'stockQuantity'),
          location: required(ctx.sourceLocation, 'sourceLocation'),
          ...(ctx.lot ? { lot: ctx.lot } : {}),
          reference: transferReference(ctx),
        },
      );
      await tools.checkpoint({ reservation: reservation.id });
      return { patch: { reservation: reservation.id }, output: { reservation: reservation.id, status: reservation.status } };
    },
  };
}
