import {
  ErpApiClient,
  IllegalStatusTransitionError,
  SystemApiNotFoundError,
  SystemApiUnavailableError,
} from '@plantsync/clients';
import { DEMO_SCENARIOS } from '../../../apps/sandbox/src/dataset/scenarios';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

describe('ErpApiClient against the real erp-api and the sandbox ERP', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;
  let erp: ErpApiClient;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    erp = new ErpApiClient({ baseUrl: api.url, apiKey: DEMO_KEYS.service });
  });

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  it('reads a planned order, its item, the BOM in force at its planned start and the explosion for its quantity', async () => {
    const order = await erp.getProductionOrder({ correlationId: 'clients-erp-read-1' }, 'P100', 'MO-P100-0003');
    expect(order).toMatchObject({ number: 'MO-P100-0003', plant: 'P100', item: 'ACT-2250', status: 'planned', quantity: { value: '20', unit: 'EA' } });

    const item = await erp.getItem({}, 'P100', order.item);
    expect(item.code).toBe('ACT-2250');

    const at = order.plannedStart.slice(0, 10);
    const bom = await erp.getEffectiveBom({}, 'P100', order.item, { at });
    expect(bom).toMatchObject({ item: 'ACT-2250', revision: 'A', status: 'released' });
    expect(bom.components.map((c) => c.item)).toContain('BRKT-1042');

    const explosion = await erp.explodeBom({}, 'P100', order.item, { at, quantity: order.quantity.value, unit: order.quantity.unit });
    expect(explosion).toMatchObject({ item: 'ACT-2250', plant: 'P100', at, quantity: { value: '20', unit: 'EA' } });
    // 4 brackets per actuator, 20 actuators (and the dataset's scrap factor on top).
    const brackets = explosion.lines.find((l) => l.item === 'BRKT-1042' && l.level === 1);
    expect(Number(brackets?.requiredQuantity.value)).toBeGreaterThanOrEqual(80);
  });

  it('lists planned orders and the open purchase orders of a plant', async () => {
    const planned = await erp.listProductionOrders({}, 'P100', { status: 'planned', limit: 100 });
    expect(planned.items.map((o) => o.number)).toEqual(expect.arrayContaining(['MO-P100-0002', 'MO-P100-0003']));
    expect(planned.items.every((o) => o.status === 'planned')).toBe(true);

    const pos = await erp.listPurchaseOrders({}, 'P100', { limit: 100 });
    const covering = pos.items.find((p) => p.number === DEMO_SCENARIOS.shortageCoveredByPurchaseOrder.purchaseOrder);
    expect(covering?.lines.map((l) => l.item)).toContain('BRKT-1042');
    expect(pos.items.every((p) => p.plant === 'P100')).toBe(true);
    expect((await erp.getPurchaseOrder({}, 'P100', 'PO-P100-0003')).number).toBe('PO-P100-0003');
  });

  it('releases a planned order once under one idempotency key, carrying the correlation id to the ERP', async () => {
    const ctx = { correlationId: 'clients-erp-release-1', idempotencyKey: 'order-release-MO-P200-0005-release' };
    const first = await erp.releaseProductionOrder(ctx, 'P200', 'MO-P200-0005');
    const again = await erp.releaseProductionOrder(ctx, 'P200', 'MO-P200-0005');
    expect([first.status, again.status]).toEqual(['released', 'released']);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.action_confirm', businessKey: 'MO-P200-0005' })).toBe(1);
    expect(await sandbox.ledgerCount({ plant: 'P200', system: 'erp', correlationId: 'clients-erp-release-1' })).toBe(1);
  });

  it("reverts a saga's release back to planned once per key, and the order can be released again", async () => {
    const order = 'MO-P300-0003';
    expect((await erp.releaseProductionOrder({ idempotencyKey: 'order-release-MO-P300-0003-release' }, 'P300', order)).status).toBe('released');
    const revert = { idempotencyKey: 'order-release-MO-P300-0003-revert' };
    expect(await erp.revertProductionOrderRelease(revert, 'P300', order)).toMatchObject({ number: order, status: 'planned' });
    expect((await erp.revertProductionOrderRelease(revert, 'P300', order)).status).toBe('planned');
    expect(await sandbox.ledgerCount({ plant: 'P300', operation: 'mrp.production.plantsync_revert_release', businessKey: order })).toBe(1);

    const notReleased = await erp.revertProductionOrderRelease({ idempotencyKey: 'order-release-MO-P300-0003-revert-2' }, 'P300', order).catch((e: unknown) => e);
    expect(notReleased).toBeInstanceOf(IllegalStatusTransitionError);
    expect(notReleased).toMatchObject({ currentStatus: 'planned' });
  });

  it("reads an item's unit conversions, so a purchase order line in BOX compares with a requirement in EA", async () => {
    const conversions = await erp.listUnitConversions({}, 'P100', 'SCR-M6X20');
    expect(conversions).toEqual(expect.arrayContaining([{ item: 'SCR-M6X20', fromUnit: 'BOX', toUnit: 'EA', factor: '200' }]));
  });

  it('cancels an order as a compensation; the refused transition keeps current and requested status', async () => {
    const cancelled = await erp.cancelProductionOrder({ idempotencyKey: 'order-release-MO-P200-0006-revert' }, 'P200', 'MO-P200-0006');
    expect(cancelled.status).toBe('cancelled');

    const refused = await erp.releaseProductionOrder({ idempotencyKey: 'order-release-MO-P200-0006-release' }, 'P200', 'MO-P200-0006').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IllegalStatusTransitionError);
    expect(refused).toMatchObject({ status: 409, code: 'illegal-status-transition', classification: 'conflict', currentStatus: 'cancelled', requestedStatus: 'released' });
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.action_confirm', businessKey: 'MO-P200-0006' })).toBe(0);
  });

  it('a missing order is not_found; an item without a released BOM revision says so', async () => {
    const missing = await erp.getProductionOrder({}, 'P100', 'MO-P100-9999').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(SystemApiNotFoundError);
    expect(missing).toMatchObject({ status: 404, classification: 'not_found', transient: false });

    const { item } = DEMO_SCENARIOS.noReleasedRevision;
    const noBom = await erp.getEffectiveBom({}, 'P100', item).catch((e: unknown) => e);
    expect(noBom).toBeInstanceOf(SystemApiNotFoundError);
    expect(noBom).toMatchObject({ code: 'no-released-bom-revision', extensions: expect.objectContaining({ item }) });
  });

  it('posts a goods movement once under one idempotency key', async () => {
    const input = { type: 'goods_receipt' as const, item: 'SCR-M6X20', quantity: { value: '2', unit: 'BOX' }, toLocation: 'P100-RM', reference: 'PO-P100-0001/10' };
    const ctx = { idempotencyKey: 'inventory-transfer-clients-gr-1' };
    const first = await erp.postGoodsMovement(ctx, 'P100', input);
    const again = await erp.postGoodsMovement(ctx, 'P100', input);
    expect(again).toEqual(first);
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'stock.picking.button_validate' })).toBe(1);
  });

  it("a plant's ERP down for 30 s is a transient error with the API's Retry-After", async () => {
    await sandbox.setFault('P300', 'erp', { downForSeconds: 30 });
    try {
      const down = await erp.getProductionOrder({}, 'P300', 'MO-P300-0003').catch((e: unknown) => e);
      expect(down).toBeInstanceOf(SystemApiUnavailableError);
      expect(down).toMatchObject({ status: 503, classification: 'unavailable', transient: true });
      expect((down as SystemApiUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await sandbox.clearFaults();
    }
  });
});
