import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';

jest.setTimeout(60_000);

let sandbox: SandboxHarness;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => sandbox?.close());

const clone = (body: unknown) =>
  fetch(`${sandbox.url}/admin/production-orders/clones`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** What the plant's ERP users see, through the Odoo JSON-2 API of P100 Detroit. */
async function odoo(model: string, method: string, body: unknown): Promise<any> {
  const res = await fetch(`${sandbox.url}/plants/P100/erp/json/2/${model}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'bearer sandbox-demo-key' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`odoo ${model}.${method}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Unrestricted WMS stock of one item at P100, summed over locations and lots. */
async function wmsUnrestricted(item: string): Promise<number> {
  const res = await fetch(`${sandbox.url}/plants/P100/wms/v1/stock?warehouse=DET1&item=${item}&status=unrestricted`, {
    headers: { authorization: 'Bearer sandbox-demo-key' },
  });
  const body = (await res.json()) as { balances: Array<{ quantity: { amount: string } }> };
  return body.balances.reduce((sum, r) => sum + Number(r.quantity.amount), 0);
}

describe('sandbox admin: clones of a production order for load runs', () => {
  it('creates N planned copies of MO-P100-0003 in the ERP and adds N × the dataset’s stock of its components, without ledger entries', async () => {
    const bracketsBefore = await wmsUnrestricted('BRKT-1042');
    expect(bracketsBefore).toBeGreaterThan(0);
    const ledgerBefore = await sandbox.ledgerCount();

    const res = await clone({ plant: 'P100', from: 'MO-P100-0003', count: 3 });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { orders: string[]; stockAdded: string[] };
    expect(body.orders).toEqual(['MO-P100-0003-C1', 'MO-P100-0003-C2', 'MO-P100-0003-C3']);
    expect(body.stockAdded).toEqual(expect.arrayContaining(['BRKT-1042', 'SA-2201', 'SCR-M8X30']));

    const copies = await odoo('mrp.production', 'search_read', {
      domain: [['name', 'in', body.orders]],
      fields: ['name', 'state', 'product_id', 'product_qty', 'bom_id'],
    });
    const [template] = await odoo('mrp.production', 'search_read', {
      domain: [['name', '=', 'MO-P100-0003']],
      fields: ['product_id', 'product_qty', 'bom_id'],
    });
    expect(copies).toHaveLength(3);
    for (const copy of copies) {
      expect(copy).toMatchObject({ state: 'draft', product_id: template.product_id, product_qty: template.product_qty, bom_id: template.bom_id });
    }
    expect(await wmsUnrestricted('BRKT-1042')).toBeCloseTo(bracketsBefore * 4, 6);
    expect(await sandbox.ledgerCount()).toBe(ledgerBefore);

    // Names stay unique across calls; released copies are what an MES reports against.
    const moreRes = await clone({ plant: 'P100', from: 'MO-P100-0003', count: 1, status: 'released' });
    const more = (await moreRes.json()) as { orders: string[] };
    expect(moreRes.status).toBe(201);
    expect(more.orders).toEqual(['MO-P100-0003-C4']);
    const [released] = await odoo('mrp.production', 'search_read', { domain: [['name', '=', 'MO-P100-0003-C4']], fields: ['state'] });
    expect(released.state).toBe('confirmed');
  });

  it('answers 400 naming the bad field and 404 for an unknown template', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ plant: 'P999', from: 'MO-P100-0003', count: 1 }, /plant/],
      [{ plant: 'P100', count: 1 }, /from/],
      [{ plant: 'P100', from: 'MO-P100-0003', count: 0 }, /count/],
      [{ plant: 'P100', from: 'MO-P100-0003', count: 1, status: 'closed' }, /status/],
      [{ plant: 'P100', from: 'MO-P100-0003', count: 1, colour: 'red' }, /colour/],
    ];
    for (const [body, message] of cases) {
      const res = await clone(body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(message);
    }
    const unknown = await clone({ plant: 'P100', from: 'MO-P100-9999', count: 1 });
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(await unknown.json())).toMatch(/MO-P100-9999/);
    // A completed order is not a template for releasable copies unless asked for a status.
    const completed = await clone({ plant: 'P100', from: 'MO-P100-0006', count: 1 });
    expect(completed.status).toBe(404);
  });
});
