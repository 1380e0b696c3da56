import { InvalidCursorError } from '../paging/page';
import type { BalanceKey } from './balance-order';
import { CODE_PATTERN, STOCK_STATUSES, type StockStatus } from './inventory';

/**
 * Keyset cursors for stock listings (erp-api and wms-api `GET /v1/plants/:plant/stock`): the
 * cursor is the key of the last balance served, and the next page is every balance whose key
 * sorts after it (compareBalanceKeys). Nothing is held between pages, so a cursor survives
 * restarts and works on any replica; opaque to clients (base64url of `[item, location, lot, status]`).
 */
export function encodeBalanceCursor(key: BalanceKey): string {
  return Buffer.from(JSON.stringify([key.item, key.location, key.lot ?? '', key.stockStatus]), 'utf8').toString('base64url');
}

/** The key a cursor carries; InvalidCursorError for anything encodeBalanceCursor did not make. */
export function decodeBalanceCursor(cursor: string): BalanceKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 4 && parsed.every((p) => typeof p === 'string')) {
      const [item, location, lot, status] = parsed as string[];
      if (
        CODE_PATTERN.test(item) &&
        CODE_PATTERN.test(location) &&
        (lot === '' || CODE_PATTERN.test(lot)) &&
        (STOCK_STATUSES as readonly string[]).includes(status)
      )
        return { item, location, ...(lot ? { lot } : {}), stockStatus: status as StockStatus };
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError(cursor);
}

/** The key part of a balance (what a cursor remembers). */
export function balanceKeyOf(b: BalanceKey): BalanceKey {
  return { item: b.item, location: b.location, ...(b.lot ? { lot: b.lot } : {}), stockStatus: b.stockStatus };
}
