import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { qty } from './wms-fixtures';

/** Every WMS binding gets this timeout, so sandbox latency above it provokes 504s quickly. */
const TIMEOUT_MS = 400;

describe('wms-api: when a plant WMS is down or slow', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('wms-api', { sandboxUrl: sandbox.url, timeoutMs: TIMEOUT_MS });
  });

  afterEach(async () => {
    await sandbox.clearFaults();
  });

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const availability = (plant: string) => api.request('GET', `/v1/plants/${plant}/availability?item=BRKT-1042`, { key: DEMO_KEYS.planner });
  const reserve = () =>
    api.request('POST', '/v1/plants/P200/reservations', {
      key: DEMO_KEYS.planner,
      headers: { 'idempotency-key': 'e2e-fault-reserve-1' },
      body: { item: 'BRKT-1042', quantity: qty('8'), reference: 'MO-P200-000140' },
    });

  it('answers 503 with Retry-After while the WMS is down, reports it in readiness, and recovers when it is back', async () => {
    await sandbox.setFault('P200', 'wms', { downForSeconds: 30 });

    const down = await availability('P200');
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(down.body.type).toMatch(/backend-unavailable$/);
    expect(JSON.stringify(down.body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace

    // Other plants are unaffected.
    expect((await availability('P100')).status).toBe(200);

    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toContainEqual(expect.objectContaining({ name: 'P200.wms', status: 'down' }));
    expect(ready.body.checks).toContainEqual(expect.objectContaining({ name: 'P100.wms', status: 'up' }));

    // A reservation refused during the outage is not remembered: the same key applies it once afterwards.
    expect((await reserve()).status).toBe(503);

    await sandbox.clearFaults();
    expect((await availability('P200')).status).toBe(200);
    const retried = await reserve();
    expect(retried.status).toBe(201);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.create', businessKey: 'MO-P200-000140' })).toBe(1);
    expect((await api.request('GET', '/health/ready')).status).toBe(200);
  });

  it("answers 504 when the WMS does not answer within the binding's timeout, then recovers", async () => {
    await sandbox.setFault('P300', 'wms', { latencyMs: TIMEOUT_MS * 3 });
    const slow = await availability('P300');
    expect(slow.status).toBe(504);
    expect(slow.body).toMatchObject({ type: expect.stringMatching(/backend-timeout$/), detail: expect.stringContaining(`${TIMEOUT_MS} ms`) });

    // Let the sandbox finish the abandoned slow request before the file's teardown.
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 3));
    await sandbox.clearFaults();
    expect((await availability('P300')).status).toBe(200);
  });
});
