import type { InventoryBalance } from '@plantsync/canonical';
import type { BalancePageRequest } from '../../ports/balance-page';
import { BALANCE_KEY_FIELD, odooBalanceKey } from './odoo-balance-key';
import type { OdooJson2Client } from './odoo-json2.client';
import type { OdooReferenceData } from './odoo-reference-data';
import { OdooStockReader } from './odoo-stock.reader';

const ctx = { correlationId: 'c-1' };
const RM = { id: 7, name: 'RM', complete_name: 'P100/RM', barcode: 'P100-RM', usage: 'internal' };

/** An Odoo that answers stock.quant search_read by the balance key: `>` / `=` on it, order, limit. */
function fakeOdoo(quants: Array<{ id: number; lot: string | false; status: string; quantity: number }>) {
  const rows = quants.map((q) => ({
    id: q.id,
    product_id: [1, '[BRKT-1042] Mounting bracket'],
    location_id: [RM.id, RM.complete_name],
    lot_id: q.lot ? [100 + q.id, q.lot] : false,
    quantity: q.quantity,
    x_stock_status: q.status,
    [BALANCE_KEY_FIELD]: odooBalanceKey({ item: 'BRKT-1042', location: 'P100-RM', ...(q.lot ? { lot: q.lot } : {}), stockStatus: q.status as 'blocked' }),
  }));
  const calls: string[] = [];
  const odoo = {
    call: async (_ctx: unknown, model: string, _method: string, params: { domain: Array<[string, string, unknown]>; limit?: number }) => {
      calls.push(model);
      if (model === 'product.product') return [{ id: 1, default_code: 'BRKT-1042', uom_id: [1, 'Units'] }];
      const keyTerms = params.domain.filter((t) => t[0] === BALANCE_KEY_FIELD);
      const hits = rows
        .filter((r) => keyTerms.every(([, op, v]) => (op === '>' ? r[BALANCE_KEY_FIELD] > (v as string) : r[BALANCE_KEY_FIELD] === v)))
        .sort((a, b) => (a[BALANCE_KEY_FIELD] < b[BALANCE_KEY_FIELD] ? -1 : a[BALANCE_KEY_FIELD] > b[BALANCE_KEY_FIELD] ? 1 : a.id - b.id));
      return params.limit ? hits.slice(0, params.limit) : hits;
    },
  };
  const refs = { locations: async () => [RM], uoms: async () => [{ id: 1, name: 'Units' }] };
  return { reader: new OdooStockReader(odoo as unknown as OdooJson2Client, refs as unknown as OdooReferenceData, 'P100'), calls };
}

async function readAll(reader: OdooStockReader, limit: number): Promise<InventoryBalance[]> {
  const seen: InventoryBalance[] = [];
  let page: BalancePageRequest = { limit };
  for (;;) {
    const answer = await reader.page(ctx, {}, page);
    seen.push(...answer.items);
    if (!answer.nextAfter) return seen;
    page = { after: answer.nextAfter, limit };
  }
}

describe('OdooStockReader.page', () => {
  it('serves quants that share a key (packages, owners) as one balance, even across a page boundary', async () => {
    const { reader } = fakeOdoo([
      { id: 1, lot: 'L1', status: 'unrestricted', quantity: 10 },
      { id: 2, lot: 'L2', status: 'unrestricted', quantity: 4 },
      { id: 3, lot: 'L2', status: 'unrestricted', quantity: 6 }, // same balance as quant 2, in another package
      { id: 4, lot: 'L3', status: 'blocked', quantity: 1 },
    ]);
    const balances = await readAll(reader, 2);
    expect(balances.map((b) => [b.lot, b.stockStatus, b.quantity.value])).toEqual([
      ['L1', 'unrestricted', '10'],
      ['L2', 'unrestricted', '10'],
      ['L3', 'blocked', '1'],
    ]);
  });

  it('reads a balance of more quants than a page on its own, then goes on after it', async () => {
    const { reader } = fakeOdoo([
      { id: 1, lot: 'L1', status: 'unrestricted', quantity: 1 },
      { id: 2, lot: 'L1', status: 'unrestricted', quantity: 2 },
      { id: 3, lot: 'L1', status: 'unrestricted', quantity: 3 },
      { id: 4, lot: 'L2', status: 'unrestricted', quantity: 4 },
    ]);
    expect((await readAll(reader, 2)).map((b) => [b.lot, b.quantity.value])).toEqual([
      ['L1', '6'],
      ['L2', '4'],
    ]);
  });

  it('reads product codes and units once, not per page', async () => {
    const { reader, calls } = fakeOdoo(Array.from({ length: 6 }, (_, i) => ({ id: i + 1, lot: `L${i}`, status: 'unrestricted', quantity: 1 })));
    expect(await readAll(reader, 2)).toHaveLength(6);
    expect(calls.filter((m) => m === 'product.product')).toHaveLength(1);
    expect(calls.filter((m) => m === 'stock.quant')).toHaveLength(3);
  });
});
