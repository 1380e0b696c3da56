import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

const qty = (value: string, unit = 'EA') => ({ value, unit });

describe('erp-api: operation confirmations (yield, scrap, reason) in Odoo', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
  });

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const confirm = (order: string, body: unknown, key?: string) =>
    api.request('POST', `/v1/plants/P200/production-orders/${order}/confirmations`, {
      key: DEMO_KEYS.service,
      headers: key ? { 'idempotency-key': key } : {},
      body,
    });
  const order = async (number: string) => (await api.request('GET', `/v1/plants/P200/production-orders/${number}`, { key: DEMO_KEYS.planner })).body;
  const weld = (yieldValue: string, scrapValue: string, extra: Record<string, unknown> = {}) => ({
    operation: '0010',
    workCenter: 'P200-WC-ASSY1',
    yield: qty(yieldValue),
    scrap: qty(scrapValue),
    final: false,
    confirmedAt: '2026-11-22T05:00:00Z',
    ...extra,
  });

  it('records a confirmation of MO-P200-0003 once: operation and order totals, released → in progress', async () => {
    const first = await confirm('MO-P200-0003', weld('5', '1', { scrapReason: 'Housing porosity' }), 'e2e-confirm-0003-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      plant: 'P200',
      productionOrder: 'MO-P200-0003',
      operation: '0010',
      yield: qty('5'),
      scrap: qty('1'),
      scrapReason: 'Housing porosity',
      final: false,
      confirmedAt: '2026-11-22T05:00:00Z',
      operationYield: qty('5'),
      operationScrap: qty('1'),
      orderProduced: qty('5'),
    });
    const replay = await confirm('MO-P200-0003', weld('5', '1', { scrapReason: 'Housing porosity' }), 'e2e-confirm-0003-1');
    expect(replay.body.id).toBe(first.body.id);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.plantsync_record_production' })).toBe(1);
    expect(await order('MO-P200-0003')).toMatchObject({ status: 'in_progress', producedQuantity: qty('5') });

    const second = await confirm('MO-P200-0003', weld('3', '0', { final: true }), 'e2e-confirm-0003-2');
    expect(second.body).toMatchObject({ operationYield: qty('8'), operationScrap: qty('1'), orderProduced: qty('8'), final: true });
    const afterDone = await confirm('MO-P200-0003', weld('1', '0'), 'e2e-confirm-0003-3');
    expect(afterDone.status).toBe(409);
    expect(afterDone.body.type).toMatch(/confirmation-refused$/);
    expect(afterDone.body.detail).toMatch(/already done/);
  });

  it('refuses what cannot be recorded, saying why', async () => {
    const noKey = await confirm('MO-P200-0004', weld('1', '0'));
    expect(noKey.status).toBe(400);
    const wrongUnit = await confirm('MO-P200-0004', { ...weld('1', '0'), yield: qty('1', 'KG') }, 'e2e-confirm-unit');
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.detail).toMatch(/yield is in KG, but production order MO-P200-0004 is planned in EA/);
    const negative = await confirm('MO-P200-0004', weld('1', '-2'), 'e2e-confirm-negative');
    expect(negative.status).toBe(400);
    expect(negative.body.errors).toEqual([{ field: 'scrap.value', message: 'scrap.value must not be negative' }]);
    const planned = await confirm('MO-P200-0005', weld('1', '0'), 'e2e-confirm-planned');
    expect(planned.status).toBe(409);
    expect(planned.body.detail).toMatch(/MO-P200-0005/);
    const unknown = await confirm('MO-P200-9999', weld('1', '0'), 'e2e-confirm-unknown');
    expect(unknown.status).toBe(404);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.plantsync_record_production', businessKey: 'MO-P200-0004' })).toBe(0);
  });
});
