import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { demoOrders } from '../erp-api/erp-fixtures';

jest.setTimeout(120_000);

/** The demo landscape as seeded: every plant's ERP and WMS stock agree, so a run over all plants is clean. */
describe.each(['sqlite', 'postgres'] as const)('reconciliation: the demo landscape on %s', (database) => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let app: ReconciliationHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    [erp, wms] = await Promise.all([
      startSystemApi('erp-api', { sandboxUrl: sandbox.url }),
      startSystemApi('wms-api', { sandboxUrl: sandbox.url }),
    ]);
    app = await startReconciliation({ systemApis: { erp: erp.url, mes: erp.url, wms: wms.url }, database });
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([erp?.close(), wms?.close()]);
    await sandbox?.close();
  });

  async function reconcile(body: object, key: string): Promise<any> {
    const started = await app.request('POST', '/v1/reconciliation-runs', { key: DEMO_KEYS.planner, headers: { 'idempotency-key': key }, body });
    expect(started.status).toBe(202);
    for (let i = 0; i < 400; i++) {
      const run = await app.request('GET', `/v1/reconciliation-runs/${started.body.id}`, { key: DEMO_KEYS.planner });
      if (run.body.status === 'completed' || run.body.status === 'failed') return run.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('run did not finish');
  }

  it('finds every plant clean', async () => {
    const run = await reconcile({ domain: 'inventory' }, 'demo-all-plants');
    expect(run).toMatchObject({ status: 'completed', plant: null, error: null });
    expect(run.differences).toEqual([]);
    expect(run.counts.erpBalances).toBe(run.counts.wmsBalances);
    const listed = await app.request('GET', '/v1/reconciliation-runs', { key: DEMO_KEYS.planner });
    expect(listed.body.map((r: any) => r.id)).toEqual([run.id]);
  });

  it('finds a drifted demo balance and corrects the ERP from the WMS', async () => {
    await fetch(`${sandbox.url}/admin/drift`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ plant: 'P100', kind: 'alter', item: 'BRKT-1042', location: 'P100-RM', delta: -2 }),
    });
    const run = await reconcile({ domain: 'inventory', plant: 'P100' }, 'demo-p100-after-drift');
    expect(run.differences).toEqual([
      expect.objectContaining({ kind: 'quantity_mismatch', item: 'BRKT-1042', location: 'P100-RM', lot: null, erpQuantity: '100', wmsQuantity: '102', action: 'corrected' }),
    ]);
    expect((await reconcile({ domain: 'inventory', plant: 'P100' }, 'demo-p100-after-fix')).differences).toEqual([]);
  });

  it('names a WMS reservation whose production order the ERP has cancelled, for a data steward', async () => {
    const order = demoOrders('P100', 'planned').at(-1)!;
    const reserved = await wms.request('POST', '/v1/plants/P100/reservations', {
      key: DEMO_KEYS.service,
      headers: { 'idempotency-key': `orphan-${database}` },
      body: { item: 'BRKT-1042', quantity: { value: '4', unit: 'EA' }, location: 'P100-RM', reference: order },
    });
    expect(reserved.status).toBe(201);
    const listed = await wms.request('GET', '/v1/plants/P100/reservations?status=open&limit=200', { key: DEMO_KEYS.service });
    expect(listed.body.items.map((r: any) => r.id)).toContain(reserved.body.id);
    const before = await reconcile({ domain: 'inventory', plant: 'P100' }, `orphan-before-${database}`);
    expect(before.differences).toEqual([]);

    const cancelled = await erp.request('POST', `/v1/plants/P100/production-orders/${order}/cancel`, { key: DEMO_KEYS.service, headers: { 'idempotency-key': `cancel-${database}` } });
    expect(cancelled.body.status).toBe('cancelled');
    const run = await reconcile({ domain: 'inventory', plant: 'P100' }, `orphan-after-${database}`);
    expect(run.differences).toEqual([
      expect.objectContaining({
        kind: 'orphaned_reservation',
        item: 'BRKT-1042',
        erpStatus: 'cancelled',
        wmsQuantity: '4',
        action: 'exception',
        actionDetail: expect.objectContaining({ reservation: reserved.body.id, order, orderStatus: 'cancelled', forDataSteward: true }),
      }),
    ]);
  });
});
