import { SandboxStore } from '../../core';
import type { StockRecord, WmsStockStatus } from '../wms.records';
import { WmsStockBook } from './wms-stock-book';

type Row = [item: string, location: string, lot: string | undefined, status: WmsStockStatus, amount: string];

/** GET /v1/stock pages of the simulated WMS: range reads in the contract's balance order. */
describe('WmsStockBook.page', () => {
  let store: SandboxStore;
  let book: WmsStockBook;

  const rows: Row[] = [
    ['BRKT-1042', 'P100-QI', 'L2026-0412', 'quality_inspection', '5'],
    ['BRKT-1042', 'P100-RM', undefined, 'blocked', '12'],
    ['BRKT-1042', 'P100-RM', undefined, 'unrestricted', '102'],
    ['BRKT-1042', 'P100-RM', 'L2026-0412', 'unrestricted', '40'],
    ['BRKT-10420', 'P100-RM', undefined, 'unrestricted', '1'],
    ['BRKT-1042-B', 'P100-RM', undefined, 'unrestricted', '3'],
    ['SCR-M8X30', 'P100-RM', undefined, 'unrestricted', '5000'],
  ];
  const keyOf = (b: Pick<StockRecord, 'itemNumber' | 'locationCode' | 'lotNumber' | 'stockStatus'>) =>
    [b.itemNumber, b.locationCode, b.lotNumber ?? '', b.stockStatus].join(',');
  // The contract's order: by item, location, lot (none first), status, in code-point order.
  const ordered = rows.map(([i, l, lot, s]) => [i, l, lot ?? '', s].join(',')).sort((a, b) => {
    const x = a.split(',');
    const y = b.split(',');
    for (let k = 0; k < 4; k++) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
    return 0;
  });

  beforeEach(() => {
    store = new SandboxStore(':memory:');
    book = new WmsStockBook(store);
    // Booked in an arbitrary order.
    for (const [itemNumber, locationCode, lotNumber, stockStatus, amount] of [...rows].reverse())
      book.add('P100', { itemNumber, locationCode, ...(lotNumber ? { lotNumber } : {}), stockStatus, quantity: { amount, unit: 'EA' } });
  });
  afterEach(() => store.close());

  function readAll(filter: Parameters<WmsStockBook['page']>[1], limit: number): string[] {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = book.page('P100', filter, after, limit);
      expect(page.balances.length).toBeLessThanOrEqual(limit);
      seen.push(...page.balances.map(keyOf));
      if (!page.nextAfter) return seen;
      expect(page.nextAfter).toBe(seen[seen.length - 1]);
      after = page.nextAfter;
    }
  }

  it('pages every balance once, in the balance order (BRKT-1042 before BRKT-1042-B and BRKT-10420)', () => {
    expect(ordered.indexOf('BRKT-1042,P100-RM,,blocked')).toBeLessThan(ordered.indexOf('BRKT-1042-B,P100-RM,,unrestricted'));
    expect(readAll({}, 2)).toEqual(ordered);
    expect(readAll({}, 100)).toEqual(ordered);
  });

  it('keeps filters across pages, reading only the item range when filtered by item', () => {
    expect(readAll({ item: 'BRKT-1042' }, 1)).toEqual(ordered.filter((k) => k.startsWith('BRKT-1042,')));
    expect(readAll({ location: 'P100-RM', status: 'unrestricted' }, 2)).toEqual(
      ordered.filter((k) => k.includes(',P100-RM,') && k.endsWith(',unrestricted')),
    );
    // An `after` before the item's range starts at the item.
    expect(book.page('P100', { item: 'SCR-M8X30' }, 'BRKT-1042,P100-QI,L2026-0412,quality_inspection', 5).balances.map(keyOf)).toEqual([
      'SCR-M8X30,P100-RM,,unrestricted',
    ]);
  });

  it('serves balances booked between pages when they sort after the cursor, and never an emptied one', () => {
    const first = book.page('P100', {}, undefined, 3);
    book.add('P100', { itemNumber: 'AAA-0001', locationCode: 'P100-RM', stockStatus: 'unrestricted', quantity: { amount: '1', unit: 'EA' } });
    book.add('P100', { itemNumber: 'ZZZ-0001', locationCode: 'P100-RM', stockStatus: 'unrestricted', quantity: { amount: '1', unit: 'EA' } });
    book.remove('P100', { itemNumber: 'SCR-M8X30', locationCode: 'P100-RM', stockStatus: 'unrestricted', quantity: { amount: '5000', unit: 'EA' } });
    const rest = readAllFrom(first.nextAfter!);
    expect([...first.balances.map(keyOf), ...rest]).toEqual([...ordered.filter((k) => !k.startsWith('SCR-')), 'ZZZ-0001,P100-RM,,unrestricted']);
  });

  function readAllFrom(after: string): string[] {
    const page = book.page('P100', {}, after, 1000);
    return page.balances.map(keyOf);
  }
});
