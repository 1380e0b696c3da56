import type { Page } from '@plantsync/canonical';
import { pageThrough, type PagedEdges } from './filtered-pager';

/** A system API with 25 orders in pages of `limit`; its cursor is the offset. */
function backend(total = 25) {
  const calls: Array<{ cursor?: string; limit: number }> = [];
  const fetch = async (cursor: string | undefined, limit: number): Promise<Page<number>> => {
    calls.push({ cursor, limit });
    const from = Number(cursor ?? 0);
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - from)) }, (_, i) => from + i);
    return { items, nextCursor: from + limit < total ? String(from + limit) : null };
  };
  return { fetch, calls };
}

describe('pageThrough', () => {
  it('hands out every kept item exactly once across pages, resuming mid-page', async () => {
    const { fetch } = backend();
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: PagedEdges<number> = await pageThrough({ first: 3, after, fingerprint: 'q1', fetch, keep: (n) => n % 2 === 0, pageSize: 10 });
      seen.push(...page.edges.map((e) => e.node));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
  });

  it('stops after maxPages system API pages and lets the client continue', async () => {
    const { fetch, calls } = backend(100);
    const page = await pageThrough({ first: 5, fingerprint: 'q2', fetch, keep: (n) => n >= 90, pageSize: 10, maxPages: 3 });
    expect(page.edges).toEqual([]);
    expect(page.hasNextPage).toBe(true);
    expect(calls).toHaveLength(3);
    const next = await pageThrough({ first: 5, after: page.endCursor, fingerprint: 'q2', fetch, keep: (n) => n >= 90, pageSize: 10, maxPages: 10 });
    expect(next.edges.map((e) => e.node)).toEqual([90, 91, 92, 93, 94]);
  });

  it('refuses a cursor from another query or a forged one', async () => {
    const { fetch } = backend();
    const page = await pageThrough({ first: 2, fingerprint: 'supplier-1001', fetch, keep: () => true, pageSize: 10 });
    await expect(pageThrough({ first: 2, after: page.endCursor, fingerprint: 'supplier-1002', fetch, keep: () => true, pageSize: 10 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await expect(pageThrough({ first: 2, after: 'not-a-cursor', fingerprint: 'supplier-1001', fetch, keep: () => true, pageSize: 10 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
