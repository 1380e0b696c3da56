import { compareBalanceKeys, type InventoryBalance, type Page } from '@plantsync/canonical';
import { startCountingProxy, type CountingProxy } from '../../support/counting-proxy';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

jest.setTimeout(120_000);

/**
 * Reconciliation reads every balance of a plant from erp-api and wms-api, 200 a page. Their
 * backends answer stock whole, so each page used to re-read the whole listing (quadratic in the
 * balances); now a listing is read from the backend once and paged from that read.
 */
describe('system APIs: a stock listing reads the backend once, however many pages', () => {
  let sandbox: SandboxHarness;
  let proxy: CountingProxy;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    // 1,000 identical balances on both sides of P100 Detroit.
    const seeded = await fetch(`${sandbox.url}/admin/stock-landscape`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ plant: 'P100', balances: 1000 }),
    });
    expect(seeded.status).toBe(200);
    proxy = await startCountingProxy(sandbox.url);
    erp = await startSystemApi('erp-api', { sandboxUrl: proxy.url });
    wms = await startSystemApi('wms-api', { sandboxUrl: proxy.url });
  });

  afterAll(async () => {
    await wms?.close();
    await erp?.close();
    await proxy?.close();
    await sandbox?.close();
  });

  async function readAll(api: SystemApiHarness): Promise<InventoryBalance[]> {
    const seen: InventoryBalance[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: Page<InventoryBalance> } = await api.request('GET', `/v1/plants/P100/stock?limit=200${cursor ? `&cursor=${cursor}` : ''}`, {
        key: DEMO_KEYS.service,
      });
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return seen;
  }

  it.each([
    ['erp-api', () => erp, /stock\.quant\/search_read/],
    ['wms-api', () => wms, /\/wms\/v1\/stock/],
  ])('%s serves all 1,000 balances in 5 pages, in balance order, from one backend read', async (_name, api, backendStockRead) => {
    proxy.reset();
    const balances = await readAll(api());
    expect(balances).toHaveLength(1000);
    for (let i = 1; i < balances.length; i++) expect(compareBalanceKeys(balances[i - 1], balances[i])).toBeLessThan(0);
    expect(proxy.count(backendStockRead)).toBe(1);
  });

  it('reads again for a new listing, so a second run sees what changed since', async () => {
    await readAll(wms);
    const lost = await firstBalance();
    await fetch(`${sandbox.url}/admin/drift`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ plant: 'P100', kind: 'drop', system: 'wms', ...lost }),
    });
    proxy.reset();
    const after = await readAll(wms);
    expect(after).toHaveLength(999);
    expect(after).not.toContainEqual(expect.objectContaining(lost));
    expect(proxy.count(/\/wms\/v1\/stock/)).toBe(1);
  });

  async function firstBalance() {
    const res = await wms.request<Page<InventoryBalance>>('GET', '/v1/plants/P100/stock?limit=1', { key: DEMO_KEYS.service });
    const b = res.body.items[0];
    return { item: b.item, location: b.location, lot: b.lot };
  }
});
