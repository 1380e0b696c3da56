import { ProcessQueue, QueueRegistry } from '@plantsync/messaging';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

jest.setTimeout(120_000);

/**
 * Timestamps `seconds` before one fixed instant. Each test takes its own instant so that the lags it
 * asserts (postedAt − eventTime) are exact, not off by the milliseconds that pass between two Date.now() calls.
 */
const secondsBefore = (instant: number) => (seconds: number) => new Date(instant - seconds * 1000).toISOString();

/** Sync health per plant × domain: what process apps report, backend readiness, the landscape's objectives. */
describe.each(['sqlite', 'postgres'] as const)('reconciliation: sync health on %s', (database) => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let mes: SystemApiHarness;
  let app: ReconciliationHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    [erp, wms, mes] = await Promise.all([
      startSystemApi('erp-api', { sandboxUrl: sandbox.url }),
      startSystemApi('wms-api', { sandboxUrl: sandbox.url }),
      startSystemApi('mes-api', { sandboxUrl: sandbox.url }),
    ]);
    app = await startReconciliation({ systemApis: { erp: erp.url, mes: mes.url, wms: wms.url }, schedule: true, database });
  });

  afterAll(async () => {
    await sandbox?.clearFaults();
    await app?.close();
    await Promise.all([erp?.close(), wms?.close(), mes?.close()]);
    await sandbox?.close();
  });

  const health = async () => {
    const res = await app.request('GET', '/v1/sync-health', { key: DEMO_KEYS.planner });
    expect(res.status).toBe(200);
    return (plant: string, domain: string) => res.body.entries.find((e: any) => e.plant === plant && e.domain === domain);
  };

  const observe = (observations: unknown[], key: string = DEMO_KEYS.service) =>
    app.request('POST', '/v1/sync-observations', { key, body: { observations } });

  it('schedules inventory, orders and master data reconciliation at the landscape intervals on BullMQ job schedulers', async () => {
    const queue = app.app.get(QueueRegistry).queue(ProcessQueue.Reconciliation);
    expect(await queue.getJobScheduler('reconcile-inventory')).toMatchObject({ every: 3600 * 1000, name: 'reconcile-domain' });
    expect(await queue.getJobScheduler('reconcile-orders')).toMatchObject({ every: 3600 * 1000, name: 'reconcile-domain', template: { data: { domain: 'orders' } } });
    expect(await queue.getJobScheduler('reconcile-master_data')).toMatchObject({ every: 86400 * 1000, name: 'reconcile-domain', template: { data: { domain: 'master_data' } } });
  });

  it('accepts sync observations from the service key only', async () => {
    const ago = secondsBefore(Date.now());
    const one = { plant: 'P100', domain: 'production', businessKey: 'MO-P100-0001/10', source: 'production-sync', outcome: 'success', eventTime: ago(60), postedAt: ago(59) };
    expect((await observe([one], DEMO_KEYS.planner)).status).toBe(403);
    const bad = await observe([{ ...one, domain: 'finance' }]);
    expect(bad.status).toBe(400);
    const elsewhere = await observe([{ ...one, plant: 'P999' }]);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors).toEqual([{ field: 'observations.0.plant', message: 'plant P999 is not in the landscape' }]);
  });

  it('reports lag p50/p95, failure rate and dead letters with their business context', async () => {
    const ago = secondsBefore(Date.now());
    const ok = Array.from({ length: 10 }, (_, i) => ({
      plant: 'P100',
      domain: 'production',
      businessKey: `MO-P100-0001/OP10/${i + 1}`,
      source: 'production-sync',
      outcome: 'success',
      eventTime: ago(300 + i + 1),
      postedAt: ago(300),
    }));
    const deadLetter = {
      plant: 'P100',
      domain: 'production',
      businessKey: 'MO-P100-0099/OP20/3',
      source: 'production-sync',
      outcome: 'dead_letter',
      eventTime: ago(200),
      reason: 'Production order MO-P100-0099 does not exist in the ERP',
      impact: 'The yield of OP20 is not in ERP stock',
    };
    const res = await observe([...ok, deadLetter]);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ recorded: 11 });

    const entry = (await health())('P100', 'production');
    expect(entry).toMatchObject({ lagP50Seconds: 5, lagP95Seconds: 10, observed: 11, deadLetters: 1, maxLagSeconds: 120, stale: false });
    expect(entry.failureRate).toBeCloseTo(1 / 11, 3);
    expect(Date.parse(entry.lastSuccessfulSync)).toBeGreaterThan(Date.now() - 310_000);
    expect(entry.failures[0]).toMatchObject({
      plant: 'P100',
      domain: 'production',
      businessKey: 'MO-P100-0099/OP20/3',
      kind: 'dead_letter',
      impact: 'The yield of OP20 is not in ERP stock',
    });
  });

  it('marks a plant × domain stale when its lag exceeds the objective', async () => {
    const ago = secondsBefore(Date.now());
    await observe([{ plant: 'P300', domain: 'production', businessKey: 'MO-P300-0002/OP10/1', source: 'production-sync', outcome: 'success', eventTime: ago(700), postedAt: ago(100) }]);
    const entry = (await health())('P300', 'production');
    expect(entry).toMatchObject({ stale: true, lagP95Seconds: 600 });
    expect(entry.staleReasons[0]).toMatch(/exceeds the 120s objective/);
  });

  it('shows P200 stale when its ERP is down and fresh again after recovery, in the API and in /metrics', async () => {
    await sandbox.setFault('P200', 'erp', { downForSeconds: 120 });
    const down = await health();
    expect(down('P200', 'inventory')).toMatchObject({ stale: true });
    expect(down('P200', 'inventory').failures[0]).toMatchObject({ plant: 'P200', domain: 'inventory', kind: 'backend_down', businessKey: null });
    expect(down('P200', 'master_data').stale).toBe(true);
    expect(down('P100', 'inventory').stale).toBe(false);
    const metrics = await app.request('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('plantsync_sync_stale{plant="P200",domain="inventory"} 1');
    expect(metrics.body).toContain('plantsync_sync_stale{plant="P100",domain="inventory"} 0');
    expect(metrics.body).toContain('plantsync_sync_lag_p95_seconds{plant="P100",domain="production"} 10');

    await sandbox.clearFaults();
    const up = await health();
    expect(up('P200', 'inventory')).toMatchObject({ stale: false, staleReasons: [] });
  });
});
