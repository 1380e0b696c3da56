import { compileDomain, compileOrder } from './odoo-domain';

const orders = [
  { id: 1, name: 'MO-P200-000101', state: 'confirmed', date_start: '2026-11-03 12:00:00', product_id: 7 },
  { id: 2, name: 'MO-P200-000102', state: 'draft', date_start: '2026-11-05 12:00:00', product_id: 8 },
  { id: 3, name: 'MO-P200-000103', state: 'cancel', date_start: false, product_id: 7 },
];

const select = (domain: unknown) =>
  orders.filter((o) => compileDomain(domain)((f) => (o as Record<string, unknown>)[f])).map((o) => o.id);

describe('Odoo domains in the simulator', () => {
  it('ANDs terms side by side and honours prefix operators', () => {
    expect(select([['state', '!=', 'cancel'], ['product_id', '=', 7]])).toEqual([1]);
    expect(select(['|', ['state', '=', 'draft'], ['state', '=', 'cancel']])).toEqual([2, 3]);
    expect(select(['!', ['state', 'in', ['draft', 'confirmed']]])).toEqual([3]);
    expect(select(['&', ['product_id', '=', 7], '|', ['state', '=', 'cancel'], ['state', '=', 'draft']])).toEqual([3]);
  });

  it('compares datetimes as Odoo strings and never matches an empty value', () => {
    expect(select([['date_start', '>=', '2026-11-04 00:00:00']])).toEqual([2]);
    expect(select([['date_start', '<', '2026-11-04 00:00:00']])).toEqual([1]);
  });

  it('treats ilike as a case-insensitive contains', () => {
    expect(select([['name', 'ilike', '000102']])).toEqual([2]);
    expect(select([['name', 'ilike', 'mo-p200']])).toEqual([1, 2, 3]);
  });

  it('rejects malformed domains', () => {
    expect(() => select([['state', '~', 'x']])).toThrow('invalid domain operator');
    expect(() => select(['&', ['state', '=', 'draft']])).toThrow('malformed domain');
  });

  it('orders with NULLs last and descending keys', () => {
    const cmp = compileOrder('date_start desc, id');
    const sorted = [...orders].sort((a, b) =>
      cmp((f) => (a as Record<string, unknown>)[f], (f) => (b as Record<string, unknown>)[f]),
    );
    expect(sorted.map((o) => o.id)).toEqual([3, 2, 1]);
  });
});
