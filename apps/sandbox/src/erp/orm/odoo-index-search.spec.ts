import { SandboxStore } from '../../core';
import type { OdooRecord } from './odoo-model-spec';
import { OdooDatabase } from './odoo-database';

const KEY = 'x_plantsync_balance_key';
const hex = (...parts: string[]) => Buffer.from(parts.join('\u0001'), 'utf8').toString('hex');

/** search_read ordered by stock.quant's indexed balance key: what the ERP connector pages with. */
describe('OdooDatabase: searches ordered by an indexed field', () => {
  let store: SandboxStore;
  let db: OdooDatabase;

  beforeEach(() => {
    store = new SandboxStore(':memory:');
    db = new OdooDatabase(store, 'P100');
    const rm = db.insert('stock.location', { name: 'RM', complete_name: 'WH/RM', barcode: 'P100-RM', usage: 'internal', active: true }).id;
    const qi = db.insert('stock.location', { name: 'QI', complete_name: 'WH/QI', barcode: false, usage: 'internal', active: true }).id;
    const bracket = db.insert('product.product', { default_code: 'BRKT-1042', name: 'Mounting bracket' }).id;
    const screw = db.insert('product.product', { default_code: 'SCR-M8X30', name: 'Screw M8x30' }).id;
    const lot = db.insert('stock.lot', { name: 'L2026-0412', product_id: bracket }).id;
    // Created out of key order.
    db.insert('stock.quant', { product_id: screw, location_id: rm, lot_id: false, quantity: 5000, x_stock_status: false });
    db.insert('stock.quant', { product_id: bracket, location_id: rm, lot_id: lot, quantity: 40, x_stock_status: 'unrestricted' });
    db.insert('stock.quant', { product_id: bracket, location_id: qi, lot_id: false, quantity: 5, x_stock_status: 'quality_inspection' });
    db.insert('stock.quant', { product_id: bracket, location_id: rm, lot_id: false, quantity: 12, x_stock_status: 'blocked' });
    db.insert('stock.quant', { product_id: bracket, location_id: rm, lot_id: false, quantity: 0, x_stock_status: 'unrestricted' });
  });
  afterEach(() => store.close());

  const keys = (records: OdooRecord[]) => records.map((r) => r[KEY]);

  it('stores the balance key plantsync_bridge computes (code, barcode or full name, lot, status)', () => {
    expect(keys(db.search('stock.quant', [], { order: KEY }))).toEqual([
      hex('BRKT-1042', 'P100-RM', '', 'blocked'),
      hex('BRKT-1042', 'P100-RM', '', 'unrestricted'),
      hex('BRKT-1042', 'P100-RM', 'L2026-0412', 'unrestricted'),
      hex('BRKT-1042', 'WH/QI', '', 'quality_inspection'),
      hex('SCR-M8X30', 'P100-RM', '', 'unrestricted'),
    ]);
  });

  it('pages with order + limit + a ">" domain exactly as a full search would, other terms applied', () => {
    const domain = [['quantity', '!=', 0]];
    const all = db.all('stock.quant').filter((q) => q.quantity !== 0).sort((a, b) => (String(a[KEY]) < String(b[KEY]) ? -1 : 1));
    const paged: OdooRecord[] = [];
    let last: string | undefined;
    for (;;) {
      const page = db.search('stock.quant', last ? [...domain, [KEY, '>', last]] : domain, { order: KEY, limit: 2 });
      paged.push(...page);
      if (page.length < 2) break;
      last = String(page[page.length - 1][KEY]);
    }
    expect(keys(paged)).toEqual(keys(all));
    expect(paged).toHaveLength(4);
    // '=' on the key reads just that key.
    expect(db.search('stock.quant', [[KEY, '=', hex('SCR-M8X30', 'P100-RM', '', 'unrestricted')]], { order: KEY })).toHaveLength(1);
  });

  it('moves a quant in the order when a write changes its status, and forgets an unlinked one', () => {
    const [blocked] = db.search('stock.quant', [[KEY, '=', hex('BRKT-1042', 'P100-RM', '', 'blocked')]], { order: KEY });
    db.update('stock.quant', blocked.id, { x_stock_status: 'unrestricted', quantity: 3 });
    const [screw] = db.search('stock.quant', [['product_id.default_code', '=', 'SCR-M8X30']]);
    db.remove('stock.quant', screw.id);
    const after = db.search('stock.quant', [[KEY, '>', hex('BRKT-1042', 'P100-RM')]], { order: KEY, limit: 10 });
    expect(after.map((q) => [q[KEY], q.quantity])).toEqual([
      [hex('BRKT-1042', 'P100-RM', '', 'unrestricted'), 3],
      [hex('BRKT-1042', 'P100-RM', '', 'unrestricted'), 0],
      [hex('BRKT-1042', 'P100-RM', 'L2026-0412', 'unrestricted'), 40],
      [hex('BRKT-1042', 'WH/QI', '', 'quality_inspection'), 5],
    ]);
  });
});
