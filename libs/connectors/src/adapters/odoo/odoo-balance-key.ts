import type { BalanceKey } from '@plantsync/canonical';

/**
 * The stored, indexed field plantsync_bridge adds to stock.quant (docker/odoo/addons): the quant's
 * balance key, so the connector can page quants in the shared balance order with `order` + `limit`
 * + a `>` domain instead of reading them whole.
 */
export const BALANCE_KEY_FIELD = 'x_plantsync_balance_key';

/**
 * The value Odoo stores for a balance: `item ␁ location ␁ lot ␁ status` (item = default_code,
 * location = barcode or full name, lot empty when none, status empty → unrestricted), UTF-8, in
 * lower-case hex. Hex because PostgreSQL compares text by the database's collation (en_US sorts
 * `-` and case differently from the code-point order the merge needs); strings of 0-9a-f sort
 * the same under every collation, and hex order is byte order, which for these codes is
 * code-point order. U+0001 ends each part, so a shorter code sorts before a longer one it prefixes.
 */
export function odooBalanceKey(key: BalanceKey): string {
  return Buffer.from([key.item, key.location, key.lot ?? '', key.stockStatus].join('\u0001'), 'utf8').toString('hex');
}
