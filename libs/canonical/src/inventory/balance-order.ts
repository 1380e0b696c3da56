import type { InventoryBalance, StockStatus } from './inventory';

/** The identity of a stock balance across systems: plant-local item × location × lot × status. */
export interface BalanceKey {
  item: string;
  location: string;
  lot?: string;
  stockStatus: StockStatus;
}

function compareText(a: string, b: string): number {
  // Code-unit order, not locale order: both systems and the merge must agree byte for byte.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order stock listings are served in (erp-api and wms-api `GET /v1/plants/:plant/stock`):
 * item, location, lot (none first), stock status. Reconciliation merges both sides in this order.
 */
export function compareBalanceKeys(a: BalanceKey, b: BalanceKey): number {
  return (
    compareText(a.item, b.item) ||
    compareText(a.location, b.location) ||
    compareText(a.lot ?? '', b.lot ?? '') ||
    compareText(a.stockStatus, b.stockStatus)
  );
}

export function sortBalances<T extends BalanceKey | InventoryBalance>(balances: T[]): T[] {
  return balances.sort(compareBalanceKeys);
}
