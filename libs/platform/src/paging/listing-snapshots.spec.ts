import { encodeOffsetCursor, InvalidCursorError } from '@plantsync/canonical';
import { ListingSnapshots } from './listing-snapshots';

/** A backend listing that counts how often it was read in full. */
function listing(n: number) {
  const items = Array.from({ length: n }, (_, i) => `BRKT-1042/P100-RM/L${String(i).padStart(4, '0')}`);
  let reads = 0;
  return { items, load: async () => (reads++, [...items]), reads: () => reads };
}

async function readAll(snapshots: ListingSnapshots<string>, query: string, load: () => Promise<string[]>, limit: number) {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await snapshots.page(query, cursor, limit, load);
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe('ListingSnapshots', () => {
  it('reads the backend once for a whole listing and serves every item once, in order', async () => {
    const backend = listing(1000);
    const snapshots = new ListingSnapshots<string>();
    expect(await readAll(snapshots, 'P100', backend.load, 200)).toEqual(backend.items);
    expect(backend.reads()).toBe(1);
    expect(snapshots.size).toBe(0); // dropped after the last page
  });

  it('keeps the view consistent while the backend changes between pages', async () => {
    const backend = listing(10);
    const snapshots = new ListingSnapshots<string>();
    const first = await snapshots.page('P100', undefined, 4, backend.load);
    backend.items.splice(0, 2); // two balances disappear meanwhile
    const second = await snapshots.page('P100', first.nextCursor!, 4, backend.load);
    expect(second.items).toEqual(['BRKT-1042/P100-RM/L0004', 'BRKT-1042/P100-RM/L0005', 'BRKT-1042/P100-RM/L0006', 'BRKT-1042/P100-RM/L0007']);
  });

  it('falls back to re-reading and slicing at the offset when the snapshot is gone or belongs to another query', async () => {
    let now = 0;
    const backend = listing(10);
    const snapshots = new ListingSnapshots<string>({ idleMs: 1000, now: () => now });
    const first = await snapshots.page('P100', undefined, 4, backend.load);
    now += 5000; // the client paused longer than the idle limit
    const second = await snapshots.page('P100', first.nextCursor!, 4, backend.load);
    expect(second.items).toEqual(backend.items.slice(4, 8));
    expect(backend.reads()).toBe(2);
    const other = await snapshots.page('P100?item=SCR-M8X30', second.nextCursor!, 4, backend.load);
    expect(other.items).toEqual(backend.items.slice(8, 10));
    expect(backend.reads()).toBe(3);
  });

  it('accepts the plain offset cursors issued before snapshots, and refuses cursors it never issued', async () => {
    const backend = listing(10);
    const snapshots = new ListingSnapshots<string>();
    expect((await snapshots.page('P100', encodeOffsetCursor(8), 4, backend.load)).items).toEqual(backend.items.slice(8));
    await expect(snapshots.page('P100', 'not-a-cursor', 4, backend.load)).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('holds at most maxItems, dropping the least recently read snapshot first', async () => {
    let now = 0;
    const snapshots = new ListingSnapshots<string>({ maxItems: 25, now: () => now });
    const a = listing(10);
    const b = listing(10);
    const c = listing(10);
    const pa = await snapshots.page('A', undefined, 2, a.load);
    now++;
    await snapshots.page('B', undefined, 2, b.load);
    now++;
    await snapshots.page('C', undefined, 2, c.load); // 30 items > 25: A goes
    expect(snapshots.size).toBe(2);
    await snapshots.page('A', pa.nextCursor!, 2, a.load);
    expect(a.reads()).toBe(2);
    // A listing larger than the cap is paged without a snapshot.
    const big = listing(30);
    await readAll(snapshots, 'BIG', big.load, 10);
    expect(big.reads()).toBe(3);
  });
});
