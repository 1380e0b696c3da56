import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Quantity } from '@plantsync/canonical';
import { ErpApiClient, WmsApiClient } from '@plantsync/clients';
import type { SagaSnapshot, SagaTools } from '@plantsync/saga';
import { cancelReservationCompensation } from '../../../apps/process/inventory-transfer/src/transfers/compensations/cancel-reservation.compensation';
import { cancelStockTransportCompensation } from '../../../apps/process/inventory-transfer/src/transfers/compensations/cancel-stock-transport.compensation';
import { cancelTransferOrderCompensation } from '../../../apps/process/inventory-transfer/src/transfers/compensations/cancel-transfer-order.compensation';
import type { TransferContext } from '../../../apps/process/inventory-transfer/src/transfers/inventory-transfer.context';
import type { TransferStepDeps } from '../../../apps/process/inventory-transfer/src/transfers/steps/transfer-step.deps';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

/**
 * The inventory-transfer compensations when a step's answer was lost (the backend applied the
 * call, the saga never learnt the id): each still finds its document — the transfer order through
 * the reservation it took over, the STO through the transfer's reference — and undoes it once.
 * Real erp-api, wms-api and sandbox; effects counted in the ledger.
 */
describe('inventory-transfer compensations after a lost answer', () => {
  let sandbox: SandboxHarness;
  let erpApi: SystemApiHarness;
  let wmsApi: SystemApiHarness;
  let deps: TransferStepDeps;

  beforeAll(async () => {
    sandbox = await startSandbox();
    erpApi = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    wmsApi = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
    deps = {
      erp: new ErpApiClient({ baseUrl: erpApi.url, apiKey: DEMO_KEYS.service }),
      wms: new WmsApiClient({ baseUrl: wmsApi.url, apiKey: DEMO_KEYS.service }),
      receiptWindowMs: 60_000,
    };
  });

  afterAll(async () => {
    await wmsApi?.close();
    await erpApi?.close();
    await sandbox?.close();
  });

  const transfer = () => randomUUID();
  const tools = (sagaId: string, seq: number): SagaTools => ({
    sagaId,
    businessKey: sagaId,
    correlationId: `it-lost-answer-${sagaId}`,
    idempotencyKey: `${sagaId}-compensate-${seq}`,
    attempt: 1,
    logger: new Logger('lost-answer'),
    checkpoint: async () => undefined,
    event: () => {
      throw new Error('compensations publish no events');
    },
  });
  const saga = (id: string, context: Partial<TransferContext>): SagaSnapshot<TransferContext> => ({
    context: {
      transfer: id,
      item: 'BRG-6205',
      quantity: Quantity.of('2', 'EA'),
      fromPlant: 'P100',
      toPlant: 'P300',
      reason: 'Lost answer drill',
      requestedBy: 'planner',
      ...context,
    },
    outputs: {},
  });
  const reserveAndOrder = async (id: string) => {
    const ctx = { correlationId: `it-lost-answer-${id}` };
    const reservation = await deps.wms.createReservation({ ...ctx, idempotencyKey: `${id}-reserve` }, 'P100', {
      item: 'BRG-6205',
      quantity: Quantity.of('2', 'EA'),
      location: 'P100-RM',
      reference: `TRF-${id}`,
    });
    const order = await deps.wms.createTransferOrder({ ...ctx, idempotencyKey: `${id}-order` }, 'P100', {
      item: 'BRG-6205',
      quantity: Quantity.of('2', 'EA'),
      fromLocation: 'P100-RM',
      toPlant: 'P300',
      toLocation: 'P300-RM',
      reference: `TRF-${id}`,
      reservation: reservation.id,
    });
    return { reservation: reservation.id, order: order.id };
  };
  const wmsCount = (operation: string, businessKey: string) => sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation, businessKey });

  it('cancel-transfer-order finds the order through the reservation it took over, and releases both once', async () => {
    const id = transfer();
    const { reservation, order } = await reserveAndOrder(id);
    const lost = saga(id, { reservation }); // the saga never saw the transfer order's id
    await cancelTransferOrderCompensation(deps)({ plant: 'P100' }, tools(id, 3), lost);
    await cancelTransferOrderCompensation(deps)({ plant: 'P100' }, tools(id, 3), lost);
    await cancelReservationCompensation(deps)({ plant: 'P100' }, tools(id, 1), lost);

    expect((await deps.wms.getTransferOrder({}, 'P100', order)).status).toBe('cancelled');
    expect((await deps.wms.getReservation({}, 'P100', reservation)).status).toBe('cancelled');
    expect(await wmsCount('transfer-order.cancel', order)).toBe(1);
    expect(await wmsCount('reservation.cancel', `TRF-${id}`)).toBe(0);
  });

  it('cancel-reservation releases a reservation a transfer order took over by cancelling that order (the WMS refuses it alone)', async () => {
    const id = transfer();
    const { reservation, order } = await reserveAndOrder(id);
    const lost = saga(id, { reservation });
    await cancelReservationCompensation(deps)({ plant: 'P100' }, tools(id, 1), lost);
    await cancelReservationCompensation(deps)({ plant: 'P100' }, tools(id, 1), lost);

    expect((await deps.wms.getTransferOrder({}, 'P100', order)).status).toBe('cancelled');
    expect((await deps.wms.getReservation({}, 'P100', reservation)).status).toBe('cancelled');
    expect(await wmsCount('transfer-order.cancel', order)).toBe(1);
  });

  it('cancel-stock-transport finds the open STO by the transfer reference and cancels it once', async () => {
    const id = transfer();
    const created = await deps.erp.createStockTransport({ idempotencyKey: `${id}-create-stock-transport` }, 'P100', {
      item: 'BRG-6205',
      quantity: Quantity.of('2', 'EA'),
      fromLocation: 'P100-RM',
      toPlant: 'P300',
      toLocation: 'P300-RM',
      reference: `TRF-${id}`,
    });
    const lost = saga(id, {}); // no stockTransport in the context
    await cancelStockTransportCompensation(deps)({ plant: 'P100' }, tools(id, 2), lost);
    await cancelStockTransportCompensation(deps)({ plant: 'P100' }, tools(id, 2), lost);

    expect((await deps.erp.getStockTransport({}, 'P100', created.id)).status).toBe('cancelled');
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'erp', operation: 'stock.picking.action_cancel', businessKey: created.number })).toBe(1);
  });
});
