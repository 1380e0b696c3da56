import type { CallContext } from '../../ports/call-context';
import type { OdooJson2Client } from './odoo-json2.client';
import type { OdooLocation, OdooPartner, OdooUom } from './odoo-records';

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/**
 * Small, slow-changing Odoo tables every mapping needs (units, categories, routes, locations,
 * work centers, suppliers, picking types), read once and kept for `ttlMs`. A failed load is not
 * cached, so the next call tries again.
 */
export class OdooReferenceData {
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(
    private readonly odoo: OdooJson2Client,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  uoms(ctx: CallContext): Promise<OdooUom[]> {
    return this.load(ctx, 'uom.uom', ['name', 'relative_factor', 'relative_uom_id']);
  }

  categories(ctx: CallContext): Promise<Array<{ id: number; complete_name: string }>> {
    return this.load(ctx, 'product.category', ['complete_name']);
  }

  routes(ctx: CallContext): Promise<Array<{ id: number; name: string }>> {
    return this.load(ctx, 'stock.route', ['name']);
  }

  locations(ctx: CallContext): Promise<OdooLocation[]> {
    return this.load(ctx, 'stock.location', ['name', 'complete_name', 'barcode', 'usage']);
  }

  workCenters(ctx: CallContext): Promise<Array<{ id: number; code: string | false; name: string }>> {
    return this.load(ctx, 'mrp.workcenter', ['code', 'name']);
  }

  suppliers(ctx: CallContext): Promise<OdooPartner[]> {
    return this.load(ctx, 'res.partner', ['name', 'ref', 'country_code'], [['supplier_rank', '>', 0]]);
  }

  pickingTypes(ctx: CallContext): Promise<Array<{ id: number; code: string }>> {
    return this.load(ctx, 'stock.picking.type', ['code']);
  }

  private load<T>(ctx: CallContext, model: string, fields: string[], domain: unknown[] = []): Promise<T> {
    const cached = this.entries.get(model);
    if (cached && Date.now() - cached.at < this.ttlMs) return cached.value as Promise<T>;
    const value = this.odoo.call<T>(ctx, model, 'search_read', { domain, fields });
    this.entries.set(model, { at: Date.now(), value });
    value.catch(() => {
      if (this.entries.get(model)?.value === value) this.entries.delete(model);
    });
    return value;
  }
}
