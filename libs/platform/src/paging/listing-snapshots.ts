import { randomBytes } from 'node:crypto';
import { InvalidCursorError, type Page } from '@plantsync/canonical';

export interface ListingSnapshotsOptions {
  /** A snapshot not read for this long is dropped (the client stopped paging). Default 2 minutes. */
  idleMs?: number;
  /** Items held over all snapshots; the least recently read go first. Default 300,000. */
  maxItems?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Snapshot<T> {
  query: string;
  items: T[];
  readAt: number;
}

interface CursorState {
  /** Items already served. */
  o: number;
  /** The snapshot the next page comes from, when one was kept. */
  s?: string;
}

/**
 * Pages a listing whose backend answers it whole (the WMS contract's stock, Odoo quants in the
 * shared balance order). Without it every page re-reads and re-sorts the whole listing — a full
 * read of n balances in 200-balance pages costs n²/200 — so reconciliation grew quadratically.
 * The first page reads the listing once and keeps it, sorted, under a random id that the cursor
 * carries; the next pages are slices of it: one backend read per listing, and a consistent view
 * (balances that change meanwhile cannot be skipped or served twice). A cursor whose snapshot is
 * gone — expired, evicted, another replica, a restart, another query — falls back to reading the
 * listing again and slicing at its offset, which is what every page did before. Cursors stay
 * compatible with `encodeOffsetCursor` (`{o}`).
 */
export class ListingSnapshots<T> {
  private readonly snapshots = new Map<string, Snapshot<T>>();
  private readonly idleMs: number;
  private readonly maxItems: number;
  private readonly now: () => number;

  constructor(opts: ListingSnapshotsOptions = {}) {
    this.idleMs = opts.idleMs ?? 120_000;
    this.maxItems = opts.maxItems ?? 300_000;
    this.now = opts.now ?? Date.now;
  }

  /**
   * One page. `query` names everything that shapes the listing (plant, filters): a cursor is only
   * served from a snapshot of the same query. `load` reads the whole listing in its final order.
   * Throws InvalidCursorError for a cursor this API did not issue.
   */
  async page(query: string, cursor: string | undefined, limit: number, load: () => Promise<T[]>): Promise<Page<T>> {
    const state = decodeCursor(cursor);
    this.expire();
    let id = state.s;
    let snapshot = id ? this.snapshots.get(id) : undefined;
    if (!snapshot || snapshot.query !== query) {
      snapshot = { query, items: await load(), readAt: this.now() };
      id = undefined;
      // Keep it only when another page will follow and it fits.
      if (state.o + limit < snapshot.items.length && snapshot.items.length <= this.maxItems) {
        id = randomBytes(9).toString('base64url');
        this.snapshots.set(id, snapshot);
        this.evict();
      }
    }
    snapshot.readAt = this.now();
    const end = state.o + limit;
    const items = snapshot.items.slice(state.o, end);
    if (end >= snapshot.items.length) {
      if (id) this.snapshots.delete(id); // the last page: nobody needs it again
      return { items, nextCursor: null };
    }
    return { items, nextCursor: encodeCursor({ o: end, ...(id && this.snapshots.has(id) ? { s: id } : {}) }) };
  }

  /** Snapshots held now (for tests and metrics). */
  get size(): number {
    return this.snapshots.size;
  }

  private expire(): void {
    const cutoff = this.now() - this.idleMs;
    for (const [id, s] of this.snapshots) if (s.readAt < cutoff) this.snapshots.delete(id);
  }

  private evict(): void {
    let total = 0;
    for (const s of this.snapshots.values()) total += s.items.length;
    const oldestFirst = [...this.snapshots.entries()].sort((a, b) => a[1].readAt - b[1].readAt);
    for (const [id, s] of oldestFirst) {
      if (total <= this.maxItems) break;
      this.snapshots.delete(id);
      total -= s.items.length;
    }
  }
}

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string | undefined): CursorState {
  if (!cursor) return { o: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && (parsed.s === undefined || typeof parsed.s === 'string'))
      return { o: parsed.o, ...(typeof parsed.s === 'string' ? { s: parsed.s } : {}) };
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError(cursor);
}
