import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { qty } from './erp-fixtures';

/** Every ERP binding gets this timeout, so sandbox latency above it provokes 504s quickly. */
const TIMEOUT_MS = 500;

describe('erp-api: goods movements, and a plant ERP that is down or slow', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('erp-api', { sandboxUrl: sandbox.url, timeoutMs: TIMEOUT_MS });
  });

  afterEach(async () => {
    await sandbox.clearFaults();
  });

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const move = (body: unknown, idempotencyKey: string, key: string = DEMO_KEYS.planner) =>
    api.request('POST', '/v1/plants/P100/goods-movements', { key, headers: { 'idempotency-key': idempotencyKey }, body });

  it('receives and issues stock in the ERP, each posting once', async () => {
    const receipt = { type: 'goods_receipt', item: 'SCR-M6X20', quantity: qty('3', 'BOX'), toLocation: 'P100-RM', reference: 'PO-P100-0001/20' };
    const posted = await move(receipt, 'e2e-gr-1');
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ plant: 'P100', type: 'goods_receipt', item: 'SCR-M6X20', quantity: qty('3', 'BOX'), toLocation: 'P100-RM' });
    expect((await move(receipt, 'e2e-gr-1')).headers.get('idempotency-replayed')).toBe('true');
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'stock.picking.button_validate' })).toBe(1);

    const issue = await move({ type: 'goods_issue', item: 'SCR-M6X20', quantity: qty('600'), fromLocation: 'P100-RM', reference: 'MO-P100-0001' }, 'e2e-gi-1');
    expect(issue.status).toBe(201);
    expect(issue.body.fromLocation).toBe('P100-RM');

    const tooMuch = await move({ type: 'goods_issue', item: 'SCR-M6X20', quantity: qty('10000000'), fromLocation: 'P100-RM' }, 'e2e-gi-2');
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.type).toMatch(/goods-movement-refused$/);
  });

  it('refuses movements without the locations their type needs, listing the fields', async () => {
    const transfer = await move({ type: 'transfer_posting', item: 'BRKT-1042', quantity: qty('5') }, 'e2e-tp-bad');
    expect(transfer.status).toBe(400);
    expect(transfer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['fromLocation', 'toLocation']);

    const shape = await move({ type: 'scrap', item: '', quantity: { value: '1e3', unit: 'EA' }, colour: 'red' }, 'e2e-shape-bad');
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['type', 'item', 'quantity.value', 'colour']));

    const unknown = await move({ type: 'goods_receipt', item: 'BRKT-1042', quantity: qty('5'), toLocation: 'P100-NOWHERE' }, 'e2e-loc-bad');
    expect(unknown.status).toBe(400);
    expect(unknown.body.type).toMatch(/unknown-location$/);
    expect((await move({ type: 'goods_receipt', item: 'BRKT-1042', quantity: qty('5'), toLocation: 'P100-RM' }, 'e2e-supplier', DEMO_KEYS.supplier1001)).status).toBe(403);
  });

  it('answers 503 with Retry-After while the ERP is down, reports it in readiness, and posts once after recovery', async () => {
    await sandbox.setFault('P100', 'erp', { downForSeconds: 30 });
    const release = () => api.request('POST', '/v1/plants/P100/production-orders/MO-P100-0002/release', {
      key: DEMO_KEYS.planner,
      headers: { 'idempotency-key': 'e2e-release-during-outage' },
    });
    const down = await release();
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(down.body.type).toMatch(/backend-unavailable$/);
    expect(JSON.stringify(down.body)).not.toMatch(/Traceback|at .*\.ts:\d+/);
    expect((await api.request('GET', '/v1/plants/P200/production-orders?limit=1', { key: DEMO_KEYS.planner })).status).toBe(200);

    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toContainEqual(expect.objectContaining({ name: 'P100.erp', status: 'down' }));
    expect(ready.body.checks).toContainEqual(expect.objectContaining({ name: 'P200.erp', status: 'up' }));

    await sandbox.clearFaults();
    const retried = await release();
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('released');
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'mrp.production.action_confirm', businessKey: 'MO-P100-0002' })).toBe(1);
  });

  it("answers 504 when the ERP does not answer within the binding's timeout, then recovers", async () => {
    await sandbox.setFault('P300', 'erp', { latencyMs: TIMEOUT_MS * 3 });
    const slow = await api.request('GET', '/v1/plants/P300/items/BRKT-1042', { key: DEMO_KEYS.planner });
    expect(slow.status).toBe(504);
    expect(slow.body).toMatchObject({ type: expect.stringMatching(/backend-timeout$/), detail: expect.stringContaining(`${TIMEOUT_MS} ms`) });

    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 3));
    await sandbox.clearFaults();
    expect((await api.request('GET', '/v1/plants/P300/items/BRKT-1042', { key: DEMO_KEYS.planner })).status).toBe(200);
  });
});
