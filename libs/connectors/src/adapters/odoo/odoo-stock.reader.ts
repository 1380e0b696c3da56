import { floatToDecimal, charOrUndefined, many2oneId, many2oneName } from './odoo-values';
import { decimal, formatDecimal, InventoryBalance, STOCK_STATUSES, type StockStatus } from '@plantsync/canonical';
import type { BalancePage, BalancePageRequest } from '../../ports/balance-page';
import type { CallContext } from '../../ports/call-context';
import type { ErpStockQuery } from '../../ports/erp.connector';
import { BALANCE_KEY_FIELD, odooBalanceKey } from './odoo-balance-key';
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
  /** The quant's balance key (plantsync_bridge): the order and cursor of a page. */
  x_plantsync_balance_key: string | false;
}

const QUANT_FIELDS = ['product_id', 'location_id', 'lot_id', 'quantity', 'x_stock_status', BALANCE_KEY_FIELD];

interface ProductUnit {
  code: string;
  uomId: number | undefined;
}

/**
 * stock.quant → InventoryBalance, a page at a time. Odoo books stock per product × location × lot
 * (× package × owner); Plantsync's status rides on `x_stock_status`. Quantities are in the product's
 * unit (Odoo keeps quants in it). A page is one `search_read` ordered by the stored, indexed
 * `x_plantsync_balance_key` with a `>` domain on the previous page's last key: an index range
 * read in Odoo, whatever the listing's size.
 */
export class OdooStockReader {
  /**
   * Code and unit per product id, remembered: the code is the item's identity across systems and
   * Odoo refuses to change the unit of a product that has stock moves.
   */
  private readonly productUnits = new Map<number, ProductUnit>();

  constructor(
    private readonly odoo: OdooJson2Client,
    private readonly refs: OdooReferenceData,
    private readonly plant: string,
  ) {}

  async page(ctx: CallContext, query: ErpStockQuery, page: BalancePageRequest): Promise<BalancePage> {
    const locations = await this.refs.locations(ctx);
    const internal = new Map(locations.filter((l) => l.usage === 'internal' || l.usage === 'transit').map((l) => [l.id, locationCode(l)]));
    const domain: OdooDomain = [
      ['quantity', '!=', 0],
      ['location_id', 'in', [...internal.keys()]],
    ];
    if (query.item) domain.push(['product_id.default_code', '=', query.item]);
    if (query.location) {
      const location = locations.find((l) => locationCode(l) === query.location);
      if (!location || !internal.has(location.id)) return { items: [], nextAfter: null };
      domain.push(['location_id', '=', location.id]);
    }
    if (query.lot) domain.push(['lot_id.name', '=', query.lot]);
    const read = (extra: OdooDomain, limit?: number) =>
      this.odoo.call<OdooQuant[]>(ctx, 'stock.quant', 'search_read', {
        domain: [...domain, ...extra],
        fields: QUANT_FIELDS,
        order: BALANCE_KEY_FIELD,
        ...(limit ? { limit } : {}),
      });

    let quants = await read(page.after ? [[BALANCE_KEY_FIELD, '>', odooBalanceKey(page.after)]] : [], page.limit + 1);
    const more = quants.length > page.limit;
    if (more) {
      // Quants sharing a key are one balance (Odoo keeps a quant per package and owner). Those at
      // the end of the page may continue past it, so they are left to the next page, whole.
      const cut = quants[page.limit][BALANCE_KEY_FIELD];
      quants = quants.slice(0, page.limit).filter((q) => q[BALANCE_KEY_FIELD] !== cut);
      // A balance of more quants than a page: read it on its own.
      if (quants.length === 0) quants = await read([[BALANCE_KEY_FIELD, '=', cut]]);
    }
    const balances = await this.toBalances(ctx, quants, internal);
    const last = balances.at(-1);
    return {
      items: balances,
      nextAfter: more && last ? { item: last.item, location: last.location, ...(last.lot ? { lot: last.lot } : {}), stockStatus: last.stockStatus } : null,
    };
  }

  /** Quants in key order → one balance per key (quantities summed). */
  private async toBalances(ctx: CallContext, quants: OdooQuant[], internal: Map<number, string>): Promise<InventoryBalance[]> {
    const [products, uoms] = await Promise.all([this.products(ctx, quants), this.refs.uoms(ctx)]);
    const balances: InventoryBalance[] = [];
    let previousKey: string | false | undefined;
    for (const q of quants) {
      if (q[BALANCE_KEY_FIELD] && q[BALANCE_KEY_FIELD] === previousKey) {
        const balance = balances[balances.length - 1];
        balance.quantity = { ...balance.quantity, value: formatDecimal(decimal(balance.quantity.value).plus(floatToDecimal(q.quantity))) };
        continue;
      }
      previousKey = q[BALANCE_KEY_FIELD];
      const productId = many2oneId(q.product_id)!;
      const product = products.get(productId);
      // A lot's display name is its name: no second read of stock.lot for thousands of lots.
      const lot = many2oneName(q.lot_id);
      const uomName = uoms.find((u) => u.id === product?.uomId)?.name ?? 'Units';
      balances.push({
        plant: this.plant,
        location: internal.get(many2oneId(q.location_id)!)!,
        item: product?.code ?? String(productId),
        ...(lot ? { lot } : {}),
        stockStatus: statusOf(q.x_stock_status),
        quantity: { value: floatToDecimal(q.quantity), unit: unitCode(uomName) },
      });
    }
    return balances;
  }

  private async products(ctx: CallContext, quants: OdooQuant[]): Promise<Map<number, ProductUnit>> {
    const missing = [...new Set(quants.map((q) => many2oneId(q.product_id)).filter((id): id is number => id !== undefined && !this.productUnits.has(id)))];
    if (missing.length > 0) {
      const rows = await this.odoo.call<Array<{ id: number; default_code: string | false; uom_id: Many2one }>>(
        ctx,
        'product.product',
        'search_read',
        { domain: [['id', 'in', missing]], fields: ['default_code', 'uom_id'] },
        { context: { active_test: false } },
      );
      for (const r of rows) this.productUnits.set(r.id, { code: charOrUndefined(r.default_code) ?? String(r.id), uomId: many2oneId(r.uom_id) });
    }
    return this.productUnits;
  }
}

function statusOf(value: string | false | undefined): StockStatus {
  return (STOCK_STATUSES as readonly string[]).includes(value || '') ? (value as StockStatus) : 'unrestricted';
}
