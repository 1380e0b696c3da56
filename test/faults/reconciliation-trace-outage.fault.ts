import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type SandboxHarness } from '../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../support/system-api.harness';
import { startReconciliation, type ReconciliationHarness } from '../support/reconciliation.harness';
import { DEMO_KEYS } from '../support/demo-keys';

jest.setTimeout(120_000);

/**
 * The ERP history behind a trace is a help, not part of the comparison: when erp-api cannot answer
 * it (here a proxy answers 503 for goods-movement reads only), the run still completes, corrects
 * and stores every difference, each with trace null; after a few failed reads in a row it stops asking.
 */
describe('reconciliation: ERP movement history down during a run', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let mes: SystemApiHarness;
  let proxy: Server;
  let app: ReconciliationHarness;
  /** The differences whose history was asked for (a retried read counts once). */
  const historyQueries = new Set<string>();

  beforeAll(async () => {
    sandbox = await startSandbox();
    [erp, wms, mes] = await Promise.all([
      startSystemApi('erp-api', { sandboxUrl: sandbox.url, timeoutMs: 30_000 }),
      startSystemApi('wms-api', { sandboxUrl: sandbox.url, timeoutMs: 30_000 }),
      startSystemApi('mes-api', { sandboxUrl: sandbox.url }),
    ]);
    const target = new URL(erp.url);
    proxy = createServer((req, res) => {
      if (req.method === 'GET' && /\/goods-movements(\?|$)/.test(req.url ?? '')) {
        historyQueries.add(req.url ?? '');
        res.writeHead(503, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'https://plantsync.dev/problems/backend-unavailable', title: 'Backend unavailable', status: 503 }));
        return;
      }
      const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    app = await startReconciliation({ systemApis: { erp: proxyUrl, mes: mes.url, wms: wms.url } });
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => proxy?.close(resolve));
    await Promise.all([erp?.close(), wms?.close(), mes?.close()]);
    await sandbox?.close();
  });

  async function admin<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  it('completes the run, corrects the ERP and leaves the traces null', async () => {
    const { sample } = await admin<{ sample: Array<{ item: string; location: string; lot?: string }> }>('/admin/stock-landscape', { plant: 'P100', balances: 100 });
    await admin('/admin/drift', { plant: 'P100', kind: 'double', ...sample[1], system: 'erp' });
    // More differences than the tracer tries before it takes the history to be down (5 in a row).
    for (let i = 5; i < 80; i += 5) await admin('/admin/drift', { plant: 'P100', kind: 'alter', ...sample[i], system: 'erp' });

    const started = await app.request('POST', '/v1/reconciliation-runs', {
      key: DEMO_KEYS.service,
      headers: { 'idempotency-key': 'p100-trace-outage' },
      body: { plant: 'P100', domain: 'inventory' },
    });
    expect(started.status).toBe(202);
    let run: any;
    for (let i = 0; i < 600 && !['completed', 'failed'].includes(run?.status); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 250));
      run = (await app.request('GET', `/v1/reconciliation-runs/${started.body.id}`, { key: DEMO_KEYS.planner })).body;
    }
    expect(run).toMatchObject({ status: 'completed', counts: { differences: 16, corrected: 16, correctionFailures: 0 } });
    expect(run.differences.map((d: any) => d.trace)).toEqual(Array(16).fill(null));
    // Four reads in flight when the fifth failure lands: at most 5 + 3 differences asked about, never all 16.
    expect(historyQueries.size).toBeGreaterThanOrEqual(5);
    expect(historyQueries.size).toBeLessThanOrEqual(8);
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'stock.picking.button_validate' })).toBe(16);
  });
});
