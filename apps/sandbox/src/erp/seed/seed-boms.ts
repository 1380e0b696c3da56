import type { DemoDataset } from '../../dataset/demo-dataset.types';
import { need, SeedContext, uomOf } from './seed-context';

/**
 * One mrp.bom per revision: Odoo has no revisions, so `code` carries the revision letter and the
 * Studio fields x_status / x_effective_from / x_effective_to (inclusive, as planners enter it)
 * carry release status and effectivity; each line's scrap is x_scrap_factor.
 */
export function seedBoms(ctx: SeedContext, data: DemoDataset): void {
  const { db, plant } = ctx;
  for (const bom of data.boms.filter((b) => b.plants.includes(plant.code))) {
    const productId = need(ctx.products, bom.item, 'product', ctx);
    const product = db.get('product.product', productId)!;
    for (const revision of bom.revisions) {
      const record = db.insert('mrp.bom', {
        code: revision.revision,
        type: 'normal',
        product_tmpl_id: productId,
        product_id: productId,
        product_qty: Number(bom.baseQuantity),
        product_uom_id: product.uom_id,
        x_status: revision.status,
        x_effective_from: revision.effectiveFrom,
        x_effective_to: revision.effectiveTo ?? false,
        active: revision.status !== 'obsolete',
      });
      ctx.boms.set(`${bom.item}/${revision.revision}`, record.id);
      revision.components.forEach((component, i) =>
        db.insert('mrp.bom.line', {
          bom_id: record.id,
          product_id: need(ctx.products, component.item, 'product', ctx),
          product_qty: Number(component.quantityPer),
          product_uom_id: uomOf(ctx, component.unit, component.item),
          sequence: (i + 1) * 10,
          x_scrap_factor: Number(component.scrapFactor),
        }),
      );
    }
  }
}
