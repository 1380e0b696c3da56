import { compareBalanceKeys, type InventoryBalance, type Page } from '@plantsync/canonical';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

/** GET /v1/plants/:plant/stock: what the ERP books, the ERP side of inventory reconciliation. */
describe('erp-api: stock balances', () => {
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

  const get = (path: string) => api.request<Page<InventoryBalance>>('GET', path, { key: DEMO_KEYS.service });

  it('lists the bracket stock at P100 with its stock status, in the shared balance order', async () => {
    const res = await get('/v1/plants/P100/stock?item=BRKT-1042');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { plant: 'P100', location: 'P100-RM', item: 'BRKT-1042', stockStatus: 'unrestricted', quantity: { value: '102', unit: 'EA' } },
        { plant: 'P100', location: 'P100-RM', item: 'BRKT-1042', stockStatus: 'blocked', quantity: { value: '12', unit: 'EA' } },
      ]),
    );
  });

  it('pages every balance of a plant once, ordered by item, location, lot and status', async () => {
    const seen: InventoryBalance[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: Page<InventoryBalance> } = await get(`/v1/plants/P100/stock?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(7);
    for (let i = 1; i < seen.length; i++) expect(compareBalanceKeys(seen[i - 1], seen[i])).toBeLessThan(0);
  });

  it('answers 400 for a cursor it did not issue', async () => {
    const res = await get('/v1/plants/P100/stock?cursor=not-a-cursor');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'https://plantsync.dev/problems/validation-failed', errors: [{ field: 'cursor' }] });
  });
});
