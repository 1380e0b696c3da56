import { compareBalanceKeys, type InventoryBalance, type Page } from '@plantsync/canonical';
import { startCountingProxy, type CountingProxy } from '../../support/counting-proxy';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

jest.setTimeout(120_000);

const keyText = (b: InventoryBalance) => [b.item, b.location, b.lot ?? '', b.stockStatus].join('/');

/**
 * Reconciliation reads every balance of a plant from erp-api and wms-api, a page at a time. Both
 * page straight through their backend by key (the cursor is the last balance's key; the WMS
 * contract's `after` + `limit`, Odoo's indexed stock.quant.x_plantsync_balance_key): one bounded
 * backend read per page, nothing held between pages.
 */
describe('system APIs: stock listings are keyset-paged through the backend', () => {
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

  async function page(api: SystemApiHarness, query: string, cursor: string | null): Promise<Page<InventoryBalance>> {
    const res = await api.request<Page<InventoryBalance>>('GET', `/v1/plants/P100/stock?${query}${cursor ? `&cursor=${cursor}` : ''}`, {
      key: DEMO_KEYS.service,
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function readAll(api: SystemApiHarness, query: string, from: string | null = null): Promise<{ balances: InventoryBalance[]; pages: number }> {
    const balances: InventoryBalance[] = [];
    let cursor = from;
    let pages = 0;
    do {
      const body = await page(api, query, cursor);
      pages++;
      balances.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return { balances, pages };
  }

  function expectStrictOrder(balances: InventoryBalance[]) {
    for (let i = 1; i < balances.length; i++) expect(compareBalanceKeys(balances[i - 1], balances[i])).toBeLessThan(0);
  }

  it.each([
    ['erp-api', () => erp, /stock\.quant\/search_read/],
    ['wms-api', () => wms, /\/wms\/v1\/stock\?.*limit=50/],
  ])('%s serves all 1,000 balances once, in balance order, one bounded backend read per page', async (_name, api, backendStockRead) => {
    proxy.reset();
    const { balances, pages } = await readAll(api(), 'limit=50');
    expect(balances).toHaveLength(1000);
    expectStrictOrder(balances);
    expect(pages).toBe(20);
    expect(proxy.count(backendStockRead)).toBe(20);
  });

  it('serves the same 1,000 balances on both sides, so reconciliation can merge them', async () => {
    const [a, b] = await Promise.all([readAll(erp, 'limit=200'), readAll(wms, 'limit=200')]);
    expect(a.balances.map(keyText)).toEqual(b.balances.map(keyText));
  });

  it.each([
    ['erp-api', () => erp],
    ['wms-api', () => wms],
  ])('%s keeps the filters across pages', async (_name, api) => {
    const all = (await readAll(api(), 'limit=200')).balances;
    const { item, location } = all[all.length - 1];
    const byItem = await readAll(api(), `item=${item}&limit=7`);
    expect(byItem.balances.map(keyText)).toEqual(all.filter((b) => b.item === item).map(keyText));
    expect(byItem.pages).toBeGreaterThan(1);
    const byLocation = await readAll(api(), `location=${location}&limit=50`);
    expect(byLocation.balances.map(keyText)).toEqual(all.filter((b) => b.location === location).map(keyText));
    expect(byLocation.pages).toBeGreaterThan(1);
  });

  it('wms-api: a balance booked between pages is served when it sorts after the cursor, never twice', async () => {
    const first = await page(wms, 'limit=50', null);
    const all = (await readAll(wms, 'limit=200')).balances;
    const head = all[0];
    const tail = all[all.length - 1];
    const receive = (b: InventoryBalance, lot: string, key: string) =>
      wms.request('POST', '/v1/plants/P100/receipts', {
        key: DEMO_KEYS.service,
        headers: { 'idempotency-key': key },
        body: { item: b.item, quantity: { value: '1', unit: b.quantity.unit }, lot, location: b.location, reference: 'PO-P100-26-0001/10' },
      });
    // One before the cursor (lot A… sorts before the landscape's SYN… lots), one after it.
    expect((await receive(head, 'A0-EARLY', 'e2e-keyset-early')).status).toBe(201);
    expect((await receive(tail, 'Z9-LATE', 'e2e-keyset-late')).status).toBe(201);
    const rest = (await readAll(wms, 'limit=50', first.nextCursor)).balances;
    const listing = [...first.items, ...rest];
    expectStrictOrder(listing);
    expect(listing.map(keyText)).toEqual(all.map(keyText).concat(keyText({ ...tail, lot: 'Z9-LATE', stockStatus: 'unrestricted' })));
  });

  it('erp-api: a balance booked between pages is served when it sorts after the cursor, never twice', async () => {
    const first = await page(erp, 'limit=50', null);
    const all = (await readAll(erp, 'limit=200')).balances;
    const head = all[0];
    const tail = all[all.length - 1];
    const receive = (b: InventoryBalance, lot: string, key: string) =>
      erp.request('POST', '/v1/plants/P100/goods-movements', {
        key: DEMO_KEYS.service,
        headers: { 'idempotency-key': key },
        body: { type: 'goods_receipt', item: b.item, quantity: { value: '1', unit: b.quantity.unit }, lot, toLocation: b.location },
      });
    expect((await receive(head, 'A0-EARLY', 'e2e-keyset-erp-early')).status).toBe(201);
    expect((await receive(tail, 'Z9-LATE', 'e2e-keyset-erp-late')).status).toBe(201);
    const rest = (await readAll(erp, 'limit=50', first.nextCursor)).balances;
    const listing = [...first.items, ...rest];
    expectStrictOrder(listing);
    expect(listing.map(keyText)).toEqual(all.map(keyText).concat(keyText({ ...tail, lot: 'Z9-LATE', stockStatus: 'unrestricted' })));
  });

  it.each([
    ['erp-api', () => erp],
    ['wms-api', () => wms],
  ])('%s answers 400 problem+json for a cursor it did not issue (an old offset cursor included)', async (_name, api) => {
    for (const cursor of ['not-a-cursor', Buffer.from(JSON.stringify({ o: 200 })).toString('base64url')]) {
      const res = await api().request<{ type: string; errors: Array<{ field: string }> }>('GET', `/v1/plants/P100/stock?cursor=${cursor}`, {
        key: DEMO_KEYS.service,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'https://plantsync.dev/problems/validation-failed', errors: [{ field: 'cursor' }] });
    }
  });

  it.each([
    ['erp-api', () => erp],
    ['wms-api', () => wms],
  ])('%s serves stock in pages of up to 1,000 (reconciliation reads a plant whole) and names a larger limit', async (_name, api) => {
    const full = await page(api(), 'limit=1000', null);
    expect(full.items).toHaveLength(1000);
    const res = await api().request<{ errors: Array<{ field: string; message: string }> }>('GET', '/v1/plants/P100/stock?limit=1001', {
      key: DEMO_KEYS.service,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'limit', message: expect.stringMatching(/1000/) })]);
  });
});
