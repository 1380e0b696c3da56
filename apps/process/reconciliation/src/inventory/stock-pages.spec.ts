import type { InventoryBalance, Page } from '@plantsync/canonical';
import { stockPages } from './stock-pages';

const balance = (lot: string): InventoryBalance => ({ plant: 'P100', item: 'BRKT-1042', location: 'P100-RM', lot, stockStatus: 'unrestricted', quantity: { value: '1', unit: 'EA' } });

describe('stockPages', () => {
  it('yields every balance of every page once, in page order, following the cursors', async () => {
    const pages: Record<string, Page<InventoryBalance>> = {
      first: { items: [balance('L1'), balance('L2')], nextCursor: 'c2' },
      c2: { items: [balance('L3')], nextCursor: 'c3' },
      c3: { items: [balance('L4')], nextCursor: null },
    };
    const asked: Array<string | undefined> = [];
    const lots: string[] = [];
    for await (const b of stockPages(async (cursor) => (asked.push(cursor), pages[cursor ?? 'first']))) lots.push(b.lot!);
    expect(lots).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(asked).toEqual([undefined, 'c2', 'c3']);
  });

  it('passes a failing page to the consumer', async () => {
    const failing = stockPages(async (cursor) => {
      if (cursor) throw new Error('wms-api is unreachable');
      return { items: [balance('L1')], nextCursor: 'c2' };
    });
    const seen: string[] = [];
    await expect((async () => {
      for await (const b of failing) seen.push(b.lot!);
    })()).rejects.toThrow('wms-api is unreachable');
    expect(seen).toEqual(['L1']);
  });
});
