import { ProcessJobName } from '@plantsync/messaging';
import type { SagaStep } from '@plantsync/saga';
import { transferMovement, type TransferContext } from '../inventory-transfer.context';
import type { TransferStepDeps } from './transfer-step.deps';

/**
 * Creates the stock transport order in the SOURCE plant's ERP, after the stock is held and before
 * anything is picked: the ERP knows the transfer before the goods move, and the goods issue and
 * receipt posted later reference it. The compensation (cancel the STO) is registered before the
 * ERP is called; it finds the STO by id, or by the transfer's reference when the answer was lost.
 */
export function createStockTransportStep({ erp }: TransferStepDeps): SagaStep<TransferContext> {
  return {
    name: ProcessJobName.CreateStockTransport,
    compensations: (ctx) => [{ action: ProcessJobName.CancelStockTransport, args: { plant: ctx.fromPlant } }],
    async run(ctx, tools) {
      const transport = await erp.createStockTransport(
        { correlationId: tools.correlationId, idempotencyKey: tools.idempotencyKey },
        ctx.fromPlant,
        transferMovement(ctx),
      );
      const output = { stockTransport: transport.id, number: transport.number, status: transport.status };
      await tools.checkpoint(output);
      return { patch: { stockTransport: transport.id, stockTransportNumber: transport.number }, output };
    },
  };
}
