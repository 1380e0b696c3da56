import { RecordNotFoundError } from '../../errors/connector.errors';
import type { CallContext } from '../../ports/call-context';
import type { OdooJson2Client } from './odoo-json2.client';
import { OdooProduct, PRODUCT_FIELDS } from './odoo-records';
import { charOrUndefined } from './odoo-values';

/**
 * Product codes by Odoo id and back. Orders, BOM lines and PO lines name products by id; the
 * canonical model by code (default_code). Codes are remembered: they are the item's identity
 * across systems and practically never change.
 */
export class OdooProductDirectory {
  private readonly codes = new Map<number, string>();

  constructor(
    private readonly odoo: OdooJson2Client,
    private readonly plant: string,
  ) {}

  /** Loads the codes of `ids` not yet known, in one call. */
  async prime(ctx: CallContext, ids: Iterable<number | undefined>): Promise<void> {
    const missing = [...new Set([...ids].filter((id): id is number => id !== undefined && !this.codes.has(id)))];
    if (missing.length === 0) return;
    const rows = await this.odoo.call<Array<{ id: number; default_code: string | false }>>(
      ctx,
      'product.product',
      'search_read',
      { domain: [['id', 'in', missing]], fields: ['default_code'] },
      { context: { active_test: false } },
    );
    for (const row of rows) this.codes.set(row.id, charOrUndefined(row.default_code) ?? String(row.id));
  }

  /** Remembers products read elsewhere (a batch read by code), so prime() need not ask for them. */
  remember(products: ReadonlyArray<Pick<OdooProduct, 'id' | 'default_code'>>): void {
    for (const p of products) this.codes.set(p.id, charOrUndefined(p.default_code) ?? String(p.id));
  }

  /** After prime(): the code of a product id (its id when it has no internal reference). */
  codeOf = (id: number): string => this.codes.get(id) ?? String(id);

  async byCode(ctx: CallContext, code: string): Promise<OdooProduct> {
    const [product] = await this.odoo.call<OdooProduct[]>(ctx, 'product.product', 'search_read', {
      domain: [['default_code', '=', code]],
      fields: PRODUCT_FIELDS,
      limit: 1,
    });
    if (!product) throw new RecordNotFoundError('Item', code, { plant: this.plant, system: 'erp', connector: 'odoo-json2' });
    this.codes.set(product.id, code);
    return product;
  }
}
