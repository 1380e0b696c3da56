import { EventTypes, ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { required, transferLine, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * Ships from the source: the WMS books the stock as in_transit at the destination's transit
 * location, so the destination sees it coming, and consumes the reservation the transfer order
 * took over. The last step that may compensate: a refusal here means nothing left the source, so
 * the registered compensations cancel the transfer order, the STO and the reservation.
 */
export function shipTransferStep({ wms }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.ShipTransfer,
    async run(ctx, tools) {
      const order = await wms.shipTransferOrder(
        { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
        ctx.fromPlant,
        required(ctx.transferOrder, 'transferOrder'),
      );
      const shippedAt = new Date().toISOString();
      const patch = { shippedQuantity: order.quantity, shippedAt, ...(order.lot ? { pickedLot: order.lot } : {}) };
      const next = { ...ctx, ...patch };
      return {
        patch,
        output: { transferOrder: order.id, status: order.status, quantity: order.quantity, ...(order.lot ? { lot: order.lot } : {}) },
        events: [
          tools.event(EventTypes.InventoryTransferShipped, {
            transfer: ctx.transfer,
            fromPlant: ctx.fromPlant,
            toPlant: ctx.toPlant,
            lines: [transferLine(next, order.quantity)],
            shipment: order.id,
          }),
        ],
      };
    },
  };
}
