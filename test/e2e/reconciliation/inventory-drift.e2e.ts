import { EventTypes, OutboxEvent } from '@plantsync/messaging';
import { DataSource } from 'typeorm';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

jest.setTimeout(300_000);

interface BalanceRef {
  item: string;
  location: string;
  lot: string;
  status: string;
}

const BALANCES = 10_000;

/**
 * The drift proof (issue 4): 10,000 balances seeded identically into P100's ERP and WMS; a clean
 * run finds nothing; a dropped, a doubled, an altered and a flipped posting are each found and
 * classified; with the WMS as system of record (config/landscape.yaml) the ERP is corrected and the
 * next run finds only what a data steward must still decide (status flips).
 */
describe('reconciliation: inventory drift across 10,000 balances', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let mes: SystemApiHarness;
  let app: ReconciliationHarness;
  let sample: BalanceRef[];
  let key = 0;

  beforeAll(async () => {
    sandbox = await startSandbox();
    [erp, wms, mes] = await Promise.all([
      startSystemApi('erp-api', { sandboxUrl: sandbox.url, timeoutMs: 30_000 }),
      startSystemApi('wms-api', { sandboxUrl: sandbox.url, timeoutMs: 30_000 }),
      startSystemApi('mes-api', { sandboxUrl: sandbox.url }),
    ]);
    app = await startReconciliation({ systemApis: { erp: erp.url, mes: mes.url, wms: wms.url } });
    const seeded = await admin<{ balances: number; sample: BalanceRef[] }>('/admin/stock-landscape', { plant: 'P100', balances: BALANCES });
    expect(seeded.balances).toBe(BALANCES);
    sample = seeded.sample;
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

  async function reconcile(): Promise<any> {
    const started = await app.request('POST', '/v1/reconciliation-runs', {
      key: DEMO_KEYS.service,
      headers: { 'idempotency-key': `p100-inventory-${++key}` },
      body: { plant: 'P100', domain: 'inventory' },
    });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/v1/reconciliation-runs/${started.body.id}`);
    for (let i = 0; i < 600; i++) {
      const run = await app.request('GET', `/v1/reconciliation-runs/${started.body.id}`, { key: DEMO_KEYS.planner });
      if (run.body.status === 'completed' || run.body.status === 'failed') return run.body;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('reconciliation run did not finish');
  }

  it('reports nothing on a clean landscape', async () => {
    const run = await reconcile();
    expect(run).toMatchObject({ status: 'completed', plant: 'P100', domain: 'inventory', trigger: 'on_demand', systemOfRecord: 'wms' });
    expect(run.counts).toMatchObject({ erpBalances: BALANCES, wmsBalances: BALANCES, matched: BALANCES, differences: 0, corrected: 0 });
    expect(run.differences).toEqual([]);
  });

  it('finds every injected difference, classifies it, corrects the ERP and leaves status flips to a data steward', async () => {
    const kinds = { drop: 'missing_posting', double: 'duplicate_posting', alter: 'quantity_mismatch', flip: 'status_mismatch' } as const;
    const injected: Array<{ ref: BalanceRef; kind: keyof typeof kinds }> = [];
    let i = 0;
    for (const kind of Object.keys(kinds) as Array<keyof typeof kinds>)
      for (let n = 0; n < 5; n++) injected.push({ ref: sample[i++ * 4 + 1], kind });
    for (const { ref, kind } of injected) await admin('/admin/drift', { plant: 'P100', kind, ...ref, system: 'erp' });

    const run = await reconcile();
    expect(run.status).toBe('completed');
    expect(run.counts).toMatchObject({
      differences: 20,
      byKind: { missing_posting: 5, duplicate_posting: 5, quantity_mismatch: 5, status_mismatch: 5 },
      corrected: 15,
      exceptions: 5,
      correctionFailures: 0,
    });
    const found = new Map(run.differences.map((d: any) => [`${d.item}/${d.location}/${d.lot}`, d]));
    for (const { ref, kind } of injected) {
      const d: any = found.get(`${ref.item}/${ref.location}/${ref.lot}`);
      expect(d).toMatchObject({ kind: kinds[kind], trace: [] });
      expect(d.action).toBe(kind === 'flip' ? 'exception' : 'corrected');
    }
    const dropped: any = found.get(`${injected[0].ref.item}/${injected[0].ref.location}/${injected[0].ref.lot}`);
    expect(dropped).toMatchObject({ missingIn: 'erp', erpQuantity: null, actionDetail: { movement: { type: 'goods_receipt' } } });
    const flipped: any = found.get(`${injected[15].ref.item}/${injected[15].ref.location}/${injected[15].ref.lot}`);
    expect(flipped).toMatchObject({ erpStatus: 'quality_inspection', wmsStatus: 'unrestricted', actionDetail: { forDataSteward: true } });

    // Every correction carries a reasoned InventoryAdjusted event (transactional outbox).
    const events = await app.app.get(DataSource).getRepository(OutboxEvent).findBy({ type: EventTypes.InventoryAdjusted });
    expect(events).toHaveLength(15);
    expect(JSON.parse(events[0].payload).data.reason).toMatch(/WMS \(system of record\)/);

    // The ERP now matches the WMS except where a person must decide.
    const again = await reconcile();
    expect(again.counts).toMatchObject({ differences: 5, byKind: { status_mismatch: 5 }, corrected: 0, exceptions: 5, matched: BALANCES - 5 });

    // Sync health shows P100 inventory reconciled, with the open differences as a failure in business terms.
    const health = await app.request('GET', '/v1/sync-health', { key: DEMO_KEYS.planner });
    const inventory = health.body.entries.find((e: any) => e.plant === 'P100' && e.domain === 'inventory');
    expect(Date.parse(inventory.lastSuccessfulSync)).toBe(Date.parse(again.finishedAt));
    expect(inventory.failures).toEqual([
      expect.objectContaining({ businessKey: `reconciliation-run/${again.id}`, reason: '5 stock difference(s) between ERP and WMS wait for a data steward' }),
    ]);
  });

  it('lists runs newest first and answers 404 for an unknown run', async () => {
    const list = await app.request('GET', '/v1/reconciliation-runs?plant=P100', { key: DEMO_KEYS.planner });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(3);
    expect(list.body[0].counts.differences).toBe(5);
    const missing = await app.request('GET', '/v1/reconciliation-runs/6f1d2c9e-5b7a-4c1e-9f3a-2d8b7e6a1c00', { key: DEMO_KEYS.planner });
    expect(missing.status).toBe(404);
  });

  it('requires an Idempotency-Key and answers the same run for the same key', async () => {
    const without = await app.request('POST', '/v1/reconciliation-runs', { key: DEMO_KEYS.service, body: { domain: 'inventory', plant: 'P100' } });
    expect(without.status).toBe(400);
    const headers = { 'idempotency-key': 'same-key-twice' };
    const first = await app.request('POST', '/v1/reconciliation-runs', { key: DEMO_KEYS.service, headers, body: { domain: 'inventory', plant: 'P300' } });
    const second = await app.request('POST', '/v1/reconciliation-runs', { key: DEMO_KEYS.service, headers, body: { domain: 'inventory', plant: 'P300' } });
    expect(second.body.id).toBe(first.body.id);
  });
});
