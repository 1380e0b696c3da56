import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

jest.setTimeout(180_000);

/**
 * ERP production orders vs MES work orders (issue 4, reconciliation item 2). The demo landscape is
 * consistent; then the ways the two drift apart in a plant are injected at P100 — an order flipped
 * in the ERP behind the MES' back, a line finishing an order the ERP never hears of, a release that
 * never reached the MES, and a work order for an order the ERP does not know — and the run must find
 * exactly those, each with the right kind, as exceptions for a data steward.
 */
describe.each(['sqlite', 'postgres'] as const)('reconciliation: production orders ERP vs MES on %s', (database) => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let mes: SystemApiHarness;
  let wms: SystemApiHarness;
  let app: ReconciliationHarness;
  const reportUrl = process.env.SANDBOX_MES_REPORT_URL;

  beforeAll(async () => {
    sandbox = await startSandbox();
    [erp, mes, wms] = await Promise.all([
      startSystemApi('erp-api', { sandboxUrl: sandbox.url }),
      startSystemApi('mes-api', { sandboxUrl: sandbox.url }),
      startSystemApi('wms-api', { sandboxUrl: sandbox.url }),
    ]);
    // The simulated MES reports finished work to this test's mes-api, never to a shared port.
    process.env.SANDBOX_MES_REPORT_URL = mes.url;
    app = await startReconciliation({ systemApis: { erp: erp.url, mes: mes.url, wms: wms.url }, database });
  });

  afterAll(async () => {
    if (reportUrl === undefined) delete process.env.SANDBOX_MES_REPORT_URL;
    else process.env.SANDBOX_MES_REPORT_URL = reportUrl;
    await app?.close();
    await Promise.all([erp?.close(), mes?.close(), wms?.close()]);
    await sandbox?.close();
  });

  async function reconcile(body: object, key: string): Promise<any> {
    const started = await app.request('POST', '/v1/reconciliation-runs', { key: DEMO_KEYS.planner, headers: { 'idempotency-key': `${key}-${database}` }, body });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ domain: 'orders', status: 'queued' });
    for (let i = 0; i < 600; i++) {
      const run = await app.request('GET', `/v1/reconciliation-runs/${started.body.id}`, { key: DEMO_KEYS.planner });
      if (run.body.status === 'completed' || run.body.status === 'failed') return run.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('orders reconciliation run did not finish');
  }

  /** The sandbox's Odoo JSON-2 endpoint at P100, as an ERP user's client would call it. */
  async function odoo(method: string, body: unknown): Promise<any> {
    const res = await fetch(`${sandbox.url}/plants/P100/erp/json/2/mrp.production/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'bearer sandbox-demo-key', 'x-odoo-database': 'det_prod' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`odoo mrp.production.${method}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  it('refuses an unknown domain, naming the ones it reconciles', async () => {
    const bad = await app.request('POST', '/v1/reconciliation-runs', { key: DEMO_KEYS.planner, headers: { 'idempotency-key': `bad-domain-${database}` }, body: { domain: 'finance' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'domain', message: 'domain must be one of: inventory, orders, master_data' }]);
  });

  it('finds the demo landscape consistent: every released, running and completed order is in its MES', async () => {
    const postings = await sandbox.ledgerCount();
    const run = await reconcile({ domain: 'orders' }, 'orders-clean');
    expect(run).toMatchObject({ status: 'completed', domain: 'orders', plant: null, systemOfRecord: null, error: null });
    expect(run.differences).toEqual([]);
    expect(run.counts).toMatchObject({ differences: 0, byKind: {}, exceptions: 0, corrected: 0 });
    expect(run.counts.erpOrders).toBeGreaterThanOrEqual(29); // the demo's orders at P100, P200 and P300
    expect(run.counts.matched).toBe(run.counts.erpOrders);
    expect(run.counts.mesWorkOrders).toBeGreaterThan(0);
    expect(await sandbox.ledgerCount()).toBe(postings); // a run reads; it posts nothing anywhere
  });

  it('finds every injected difference with the right kind, and nothing else', async () => {
    // 1. The ERP cancels an order the line is running (a user edits mrp.production directly).
    const [running] = await odoo('search_read', { domain: [['name', '=', 'MO-P100-0005']], fields: ['id', 'state'] });
    expect(running.state).toBe('progress');
    await odoo('write', { ids: [running.id], vals: { state: 'cancel' } });

    // 2. The line finishes an order; the confirmation reaches mes-api but (no production-sync here) never the ERP.
    const report = await fetch(`${sandbox.url}/admin/mes/P100/work-orders/WO-MO-P100-0010/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ yield: '53', scrap: '0', final: true }),
    });
    expect(report.status).toBe(202);

    // 3. A planner releases an order in the ERP, and nobody dispatches it.
    const released = await erp.request('POST', '/v1/plants/P100/production-orders/MO-P100-0002/release', {
      key: DEMO_KEYS.planner,
      headers: { 'idempotency-key': `release-0002-${database}` },
    });
    expect(released.body.status).toBe('released');

    // 4. The MES gets a work order for an order the ERP does not have.
    const stray = await mes.request('POST', '/v1/plants/P100/work-orders', {
      key: DEMO_KEYS.planner,
      body: { number: 'MO-P100-0777', item: 'ACT-2200', quantity: { value: '15', unit: 'EA' }, plannedStart: '2026-11-23T06:00:00Z', plannedEnd: '2026-11-24T14:00:00Z', workCenter: 'P100-WC-ASSY1' },
    });
    expect(stray.status).toBe(201);

    const run = await reconcile({ domain: 'orders', plant: 'P100' }, 'orders-drift');
    expect(run.status).toBe('completed');
    expect(run.counts).toMatchObject({ differences: 4, byKind: { status_mismatch: 2, missing_posting: 2 }, exceptions: 4, corrected: 0, correctionFailures: 0 });
    expect(run.counts.matched).toBe(run.counts.erpOrders - 3);
    const byOrder = new Map(run.differences.map((d: any) => [d.businessKey, d]));
    expect([...byOrder.keys()].sort()).toEqual(['MO-P100-0002', 'MO-P100-0005', 'MO-P100-0010', 'MO-P100-0777']);
    const forSteward = { action: 'exception', location: null, stockStatus: null, wmsStatus: null };
    expect(byOrder.get('MO-P100-0005')).toMatchObject({
      ...forSteward,
      kind: 'status_mismatch',
      item: 'PMP-3100',
      erpStatus: 'cancelled',
      mesStatus: 'running',
      missingIn: null,
      actionDetail: { forDataSteward: true, workOrder: 'WO-MO-P100-0005', check: expect.stringMatching(/Abort the work order in the MES/) },
    });
    expect(byOrder.get('MO-P100-0010')).toMatchObject({
      ...forSteward,
      kind: 'status_mismatch',
      erpStatus: 'in_progress',
      mesStatus: 'completed',
      explanation: expect.stringMatching(/^MES finished, ERP confirmation missing/),
      actionDetail: { erpProduced: '45', mesProduced: '98' },
    });
    expect(byOrder.get('MO-P100-0002')).toMatchObject({
      ...forSteward,
      kind: 'missing_posting',
      missingIn: 'mes',
      erpStatus: 'released',
      mesStatus: null,
      explanation: 'MO-P100-0002 is released in the ERP but was never dispatched to the MES',
    });
    expect(byOrder.get('MO-P100-0777')).toMatchObject({ ...forSteward, kind: 'missing_posting', missingIn: 'erp', erpStatus: null, mesStatus: 'dispatched', item: 'ACT-2200' });

    // Sync health: the orders domain was reconciled just now, and what waits for a person is named.
    const health = await app.request('GET', '/v1/sync-health', { key: DEMO_KEYS.planner });
    const orders = health.body.entries.find((e: any) => e.plant === 'P100' && e.domain === 'orders');
    expect(orders.lastSuccessfulSync).toBe(run.finishedAt);
    expect(orders.failures).toContainEqual(
      expect.objectContaining({ businessKey: `reconciliation-run/${run.id}`, reason: '4 production order difference(s) between ERP and MES wait for a data steward' }),
    );
    const inventory = health.body.entries.find((e: any) => e.plant === 'P100' && e.domain === 'inventory');
    expect(inventory.lastSuccessfulSync).toBeNull(); // an orders run is not an inventory sync
  });
});
