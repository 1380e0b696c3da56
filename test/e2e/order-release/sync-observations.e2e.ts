import { DEMO_KEYS } from '../../support/demo-keys';
import { freePort } from '../../support/free-port';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { orderReleaseEnvironment, releaseApi, type OrderReleaseEnvironment } from './order-release.fixture';

jest.setTimeout(150_000);

describe('order release reports to sync health (orders domain)', () => {
  let env: OrderReleaseEnvironment;
  let reconciliation: ReconciliationHarness | undefined;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    env = await orderReleaseEnvironment({
      reconciliationUrl: `http://127.0.0.1:${port}`,
      retryPolicies: { 'order-release': { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 } },
    });
  });

  afterAll(async () => {
    await env?.sandbox.clearFaults();
    await reconciliation?.close();
    await env?.close();
  });

  it('reports a release that reached the MES and one that failed on the way there, with its impact', async () => {
    const api = releaseApi(env.app);
    const clean = await api.start('P100', 'MO-P100-0003');
    expect((await api.until(clean.body.id, ['completed', 'failed'])).status).toBe('completed');

    await env.sandbox.setFault('P300', 'mes', { errorRate: 1 });
    const doomed = await api.start('P300', 'MO-P300-0009');
    expect((await api.until(doomed.body.id, ['completed', 'failed'])).failure).toMatchObject({ step: 'dispatch-work-orders' });
    await env.sandbox.clearFaults();

    // Reconciliation comes up only now: the observations waited in order-release's buffer.
    reconciliation = await startReconciliation({ systemApis: { erp: env.erp.url, mes: env.mes.url, wms: env.wms.url }, port });
    const entryOf = async (plant: string) => {
      const res = await reconciliation!.request('GET', '/v1/sync-health', { key: DEMO_KEYS.planner });
      return res.body.entries?.find((e: { plant: string; domain: string }) => e.plant === plant && e.domain === 'orders');
    };
    const deadline = Date.now() + 90_000;
    let p100 = await entryOf('P100');
    let p300 = await entryOf('P300');
    while ((p100?.observed !== 1 || p300?.observed !== 1) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      [p100, p300] = [await entryOf('P100'), await entryOf('P300')];
    }
    expect(p100).toMatchObject({ observed: 1, deadLetters: 0, failureRate: 0 });
    expect(p100.lastSuccessfulSync).not.toBeNull();
    expect(p100.lagP50Seconds).toBeGreaterThanOrEqual(0);
    expect(p300).toMatchObject({ observed: 1, deadLetters: 1 });
    expect(p300.failures).toEqual([
      expect.objectContaining({
        businessKey: 'MO-P300-0009',
        kind: 'dead_letter',
        reason: expect.stringContaining('failed at dispatch-work-orders'),
        impact: expect.stringContaining('did not reach the floor of plant P300'),
      }),
    ]);
  });
});
