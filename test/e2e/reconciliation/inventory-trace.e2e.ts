import type { InventoryBalance, Page } from '@plantsync/canonical';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

jest.setTimeout(120_000);

interface BalanceRef {
  item: string;
  location: string;
  lot?: string;
  status: string;
}

/**
 * Issue 4's trace: a difference lists the ERP postings on its item × location × lot, so a data
 * steward sees which process posted what. A receipt production-sync posted twice (once through
 * erp-api under its key, once as the seeded balance) doubles the ERP balance; the run's
 * duplicate_posting difference names that posting, its key and production-sync as its origin.
 */
describe('reconciliation: differences traced to the ERP postings that explain them', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let mes: SystemApiHarness;
  let app: ReconciliationHarness;
  let sample: BalanceRef[];

  beforeAll(async () => {
    sandbox = await startSandbox();
    [erp, wms, mes] = await Promise.all([
      startSystemApi('erp-api', { sandboxUrl: sandbox.url, timeoutMs: 30_000 }),
      startSystemApi('wms-api', { sandboxUrl: sandbox.url, timeoutMs: 30_000 }),
      startSystemApi('mes-api', { sandboxUrl: sandbox.url }),
    ]);
    app = await startReconciliation({ systemApis: { erp: erp.url, mes: mes.url, wms: wms.url } });
    sample = (await admin<{ sample: BalanceRef[] }>('/admin/stock-landscape', { plant: 'P100', balances: 200 })).sample;
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([erp?.close(), wms?.close(), mes?.close()]);
    await sandbox?.close();
  });

  async function admin<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async function reconcile(idempotencyKey: string): Promise<any> {
    const started = await app.request('POST', '/v1/reconciliation-runs', {
      key: DEMO_KEYS.service,
      headers: { 'idempotency-key': idempotencyKey },
      body: { plant: 'P100', domain: 'inventory' },
    });
    expect(started.status).toBe(202);
    for (let i = 0; i < 600; i++) {
      const run = await app.request('GET', `/v1/reconciliation-runs/${started.body.id}`, { key: DEMO_KEYS.planner });
      if (run.body.status === 'completed' || run.body.status === 'failed') return run.body;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('reconciliation run did not finish');
  }

  const lotted = (ref: BalanceRef) => `${ref.item}/${ref.location}/${ref.lot ?? null}`;

  it('lists the posting behind a doubled balance with its key and origin, and none behind an unposted drift', async () => {
    const doubled = sample.find((b) => b.lot)!;
    const altered = sample.find((b) => b !== doubled && b.item !== doubled.item)!;
    const query = new URLSearchParams({ item: doubled.item, location: doubled.location, lot: doubled.lot! });
    const [balance] = (await erp.request<Page<InventoryBalance>>('GET', `/v1/plants/P100/stock?${query}`, { key: DEMO_KEYS.service })).body.items;

    // production-sync's receipt of the same quantity again, under its own key: the ERP now holds twice the WMS.
    const postingKey = `production-sync/P100/e2e-msg-7/erp-receipt-1-${doubled.item}`;
    const posted = await erp.request('POST', '/v1/plants/P100/goods-movements', {
      key: DEMO_KEYS.service,
      headers: { 'idempotency-key': postingKey },
      body: { type: 'goods_receipt', item: doubled.item, lot: doubled.lot, quantity: balance.quantity, toLocation: doubled.location, reference: 'MO-P100-0001' },
    });
    expect(posted.status).toBe(201);
    // A drift no posting explains: someone edited the ERP quant by hand.
    await admin('/admin/drift', { plant: 'P100', kind: 'alter', ...altered, system: 'erp' });

    const run = await reconcile('p100-trace-1');
    expect(run).toMatchObject({ status: 'completed', counts: { differences: 2, byKind: { duplicate_posting: 1, quantity_mismatch: 1 } } });
    const found = new Map(run.differences.map((d: any) => [`${d.item}/${d.location}/${d.lot}`, d]));

    const duplicate: any = found.get(lotted(doubled));
    expect(duplicate.kind).toBe('duplicate_posting');
    // The run's own correcting issue is not part of what explains the difference.
    expect(duplicate.trace).toEqual([
      expect.objectContaining({
        type: 'goods_receipt',
        item: doubled.item,
        lot: doubled.lot,
        toLocation: doubled.location,
        quantity: balance.quantity,
        reference: 'MO-P100-0001',
        postingKey,
        postedBy: 'demo-service',
        origin: 'production-sync',
      }),
    ]);
    expect(duplicate.action).toBe('corrected');

    const mismatch: any = found.get(lotted(altered));
    expect(mismatch).toMatchObject({ kind: 'quantity_mismatch', trace: [] });
  });

  it("shows an earlier run's correction in a later run's trace, as posted by reconciliation", async () => {
    // The first run's correction made ERP and WMS agree; doubling the WMS side now leaves that correction as the latest ERP posting.
    const doubled = sample.find((b) => b.lot)!;
    await admin('/admin/drift', { plant: 'P100', kind: 'double', ...doubled, system: 'wms' });
    const run = await reconcile('p100-trace-2');
    expect(run.counts).toMatchObject({ differences: 1, byKind: { duplicate_posting: 1 } });
    const [difference] = run.differences;
    expect(difference.trace[0]).toMatchObject({ type: 'goods_issue', fromLocation: doubled.location, origin: 'reconciliation' });
    expect(difference.trace[0].postingKey).toMatch(/^reconciliation-/);
    expect(difference.trace[1]).toMatchObject({ type: 'goods_receipt', origin: 'production-sync' });
  });
});
