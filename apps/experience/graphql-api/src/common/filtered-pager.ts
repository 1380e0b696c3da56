import type { Page } from '@plantsync/canonical';
import { decodeCursor, encodeCursor, type CursorState } from './opaque-cursor';

export interface PagerOptions<T> {
  first: number;
  after?: string | null;
  /** queryFingerprint(...) of everything that shapes the result, including who asks. */
  fingerprint: string;
  /** One page of the system API. */
  fetch: (cursor: string | undefined, limit: number) => Promise<Page<T>>;
  /** Items this caller may see and asked for; the rest are skipped. */
  keep: (item: T) => boolean;
  /** Page size asked of the system API (kept in the cursor). */
  pageSize: number;
  /** Bound on system API pages per GraphQL page, so a sparse filter cannot loop for long. */
  maxPages?: number;
}

export interface PagedEdges<T> {
  edges: Array<{ node: T; cursor: string }>;
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Forward pagination over a system API's cursor pages with a filter applied here. Every edge gets
 * a cursor pointing just after it (system API cursor + items consumed), so a client can resume
 * mid-page. Ends early after `maxPages` system API pages: the page is then shorter than `first`
 * but `hasNextPage` stays true.
 */
export async function pageThrough<T>(opts: PagerOptions<T>): Promise<PagedEdges<T>> {
  const maxPages = opts.maxPages ?? 5;
  let state: CursorState = opts.after ? decodeCursor(opts.after, opts.fingerprint) : { c: null, s: 0, l: opts.pageSize, q: opts.fingerprint };
  const edges: PagedEdges<T>['edges'] = [];
  for (let fetched = 0; fetched < maxPages; fetched++) {
    const page = await opts.fetch(state.c ?? undefined, state.l);
    for (let i = state.s; i < page.items.length; i++) {
      const item = page.items[i];
      if (!opts.keep(item)) continue;
      // After the last item of a page, point at the next page rather than re-reading this one.
      const atPageEnd = i + 1 === page.items.length && page.nextCursor !== null;
      const cursor = encodeCursor(atPageEnd ? { ...state, c: page.nextCursor, s: 0 } : { ...state, s: i + 1 });
      edges.push({ node: item, cursor });
      if (edges.length === opts.first) {
        const more = i + 1 < page.items.length || page.nextCursor !== null;
        return { edges, hasNextPage: more, endCursor: cursor };
      }
    }
    if (!page.nextCursor) return { edges, hasNextPage: false, endCursor: edges.at(-1)?.cursor ?? null };
    state = { ...state, c: page.nextCursor, s: 0 };
  }
  // Budget spent: resume at the next unread system API page.
  return { edges, hasNextPage: true, endCursor: encodeCursor(state) };
}
