import type { InventoryBalance, Page } from '@plantsync/canonical';

/** The largest stock page the system APIs serve (StockPageQuery max). */
export const STOCK_PAGE_SIZE = 1000;

/**
 * Streams a paged stock listing balance by balance. The next page is asked for as soon as the
 * current one arrives, so the system API works while the merge consumes: at most two pages per
 * side are in memory.
 */
export async function* stockPages(fetchPage: (cursor: string | undefined) => Promise<Page<InventoryBalance>>): AsyncGenerator<InventoryBalance> {
  let next: Promise<Page<InventoryBalance>> | undefined = fetchPage(undefined);
  while (next) {
    const page: Page<InventoryBalance> = await next;
    next = page.nextCursor ? fetchPage(page.nextCursor) : undefined;
    // A merge that stops early (order error) never awaits the prefetch: keep its failure from going unhandled.
    next?.catch(() => undefined);
    yield* page.items;
  }
}
