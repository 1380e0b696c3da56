import type { BalanceKey, InventoryBalance } from '@plantsync/canonical';

/** Which page of a stock listing to read: the balances after `after`, at most `limit` of them. */
export interface BalancePageRequest {
  /** The key of the last balance of the previous page; absent for the first page. */
  after?: BalanceKey;
  limit: number;
}

/**
 * One page of a stock listing in the shared balance order (item, location, lot — none first —,
 * stock status; compareBalanceKeys). Read from the backend as one range, nothing kept between
 * pages: a balance that exists throughout a listing is served exactly once; one added or removed
 * meanwhile is served when its key sorts after the cursor at the time that page is read.
 */
export interface BalancePage {
  /** At most `limit` balances (fewer does not mean the end: `nextAfter` says). */
  items: InventoryBalance[];
  /** Pass as `after` for the next page; null when the listing is done. */
  nextAfter: BalanceKey | null;
}
