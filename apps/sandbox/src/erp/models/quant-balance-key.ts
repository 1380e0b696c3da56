import type { OdooRecord, RecordSource } from '../orm/odoo-model-spec';

/**
 * stock.quant.x_plantsync_balance_key as plantsync_bridge computes it (docker/odoo/addons,
 * models/stock_quant.py; docs/connectors.md): `item ␁ location ␁ lot ␁ status` in UTF-8 hex,
 * item = the product's internal reference (else its id), location = barcode (else full name),
 * lot = its name (empty when none), status = x_stock_status (empty → unrestricted). Hex so the
 * order is the same under every database collation.
 */
export function quantBalanceKey(quant: OdooRecord, records: RecordSource): string {
  const product = typeof quant.product_id === 'number' ? records.get('product.product', quant.product_id) : undefined;
  const location = typeof quant.location_id === 'number' ? records.get('stock.location', quant.location_id) : undefined;
  const lot = typeof quant.lot_id === 'number' ? records.get('stock.lot', quant.lot_id) : undefined;
  const parts = [
    text(product?.default_code) || String(quant.product_id),
    text(location?.barcode) || text(location?.complete_name),
    text(lot?.name),
    text(quant.x_stock_status) || 'unrestricted',
  ];
  return Buffer.from(parts.join('\u0001'), 'utf8').toString('hex');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
