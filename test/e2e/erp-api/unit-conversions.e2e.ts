import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

describe('erp-api: unit conversions of an item', () => {
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

  it("lists the bracket's box of 12 with the general conversions, and 404s an unknown item", async () => {
    const res = await api.request('GET', '/v1/plants/P100/items/BRKT-1042/unit-conversions', { key: DEMO_KEYS.service });
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({ fromUnit: 'BOX', toUnit: 'EA', factor: '12', item: 'BRKT-1042' });
    expect(res.body.every((c: { item?: string }) => !c.item || c.item === 'BRKT-1042')).toBe(true);
    expect(res.body.some((c: { item?: string }) => !c.item)).toBe(true);
    const missing = await api.request('GET', '/v1/plants/P100/items/NOPE-0000/unit-conversions', { key: DEMO_KEYS.service });
    expect(missing.status).toBe(404);
  });
});
