import { floatToDecimal, charOrUndefined, many2oneId, many2oneName } from './odoo-values';
import { InventoryBalance, sortBalances, STOCK_STATUSES, type StockStatus } from '@plantsync/canonical';
import type { CallContext } from '../../ports/call-context';
import type { ErpStockQuery } from '../../ports/erp.connector';
import { locationCode } from './odoo-item.mapper';
import type { OdooJson2Client } from './odoo-json2.client';
import type { Many2one, OdooDomain } from './odoo-records';
import type { OdooReferenceData } from './odoo-reference-data';
import { unitCode } from './odoo-uom.mapper';

interface OdooQuant {
  id: number;
  product_id: Many2one;
  location_id: Many2one;
  lot_id: Many2one;
  quantity: number;
  /** Plantsync's stock status of the quant (a custom field like x_plantsync_key); absent → unrestricted. */
  x_stock_status?: string | false;
}

const QUANT_FIELDS = ['product_id', 'location_id', 'lot_id', 'quantity', 'x_stock_status'];

/**
 * stock.quant → InventoryBalance. Odoo books stock per product × location × lot; Plantsync's
 * status rides on `x_stock_status`. Quantities are in the product's unit (Odoo keeps quants in it).
 */
export class OdooStockReader {
  constructor(
    private readonly odoo: OdooJson2Client,
    private readonly refs: OdooReferenceData,
    private readonly plant: string,
  ) {}

  async balances(ctx: CallContext, query: ErpStockQuery): Promise<InventoryBalance[]> {
    const locations = await this.refs.locations(ctx);
    const domain: OdooDomain = [];
    if (query.item) domain.push(['product_id.default_code', '=', query.item]);
    if (query.location) {
      const location = locations.find((l) => locationCode(l) === query.location);
      if (!location) return [];
      domain.push(['location_id', '=', location.id]);
    }
    if (query.lot) domain.push(['lot_id.name', '=', query.lot]);
    const quants = await this.odoo.call<OdooQuant[]>(ctx, 'stock.quant', 'search_read', { domain, fields: QUANT_FIELDS });
    const internal = new Map(locations.filter((l) => l.usage === 'internal' || l.usage === 'transit').map((l) => [l.id, locationCode(l)]));
    const live = quants.filter((q) => q.quantity !== 0 && internal.has(many2oneId(q.location_id) ?? -1));
    const [products, uoms] = await Promise.all([this.products(ctx, live), this.refs.uoms(ctx)]);
    const balances = live.map((q): InventoryBalance => {
      const product = products.get(many2oneId(q.product_id)!);
      // A lot's display name is its name: no second read of stock.lot for thousands of lots.
      const lot = many2oneName(q.lot_id);
      const uomName = uoms.find((u) => u.id === many2oneId(product?.uom_id ?? false))?.name ?? 'Units';
      return {
        plant: this.plant,
        location: internal.get(many2oneId(q.location_id)!)!,
        item: charOrUndefined(product?.default_code ?? false) ?? String(many2oneId(q.product_id)),
        ...(lot ? { lot } : {}),
        stockStatus: statusOf(q.x_stock_status),
        quantity: { value: floatToDecimal(q.quantity), unit: unitCode(uomName) },
      };
    });
    return sortBalances(balances);
  }

  private async products(ctx: CallContext, quants: OdooQuant[]) {
    const ids = [...new Set(quants.map((q) => many2oneId(q.product_id)).filter((id): id is number => id !== undefined))];
    const rows = ids.length === 0 ? [] : await this.odoo.call<Array<{ id: number; default_code: string | false; uom_id: Many2one }>>(
      ctx,
      'product.product',
      'search_read',
      { domain: [['id', 'in', ids]], fields: ['default_code', 'uom_id'] },
      { context: { active_test: false } },
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}

function statusOf(value: string | false | undefined): StockStatus {
  return (STOCK_STATUSES as readonly string[]).includes(value || '') ? (value as StockStatus) : 'unrestricted';
}
