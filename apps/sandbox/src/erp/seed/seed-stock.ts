import type { DemoDataset } from '../../dataset/demo-dataset.types';
import { need, odooDateTime, SeedContext, uomOf } from './seed-context';
import { convertUom } from '../models/uom-math';

export function seedLotsAndQuants(ctx: SeedContext, data: DemoDataset): void {
  const { db, plant } = ctx;
  for (const lot of data.lots.filter((l) => l.plant === plant.code)) {
    const productId = ctx.products.get(lot.item);
    if (productId === undefined) continue;
    ctx.lots.set(`${lot.item}/${lot.code}`, db.insert('stock.lot', {
      name: lot.code,
      product_id: productId,
      expiration_date: lot.expiresOn ? odooDateTime(lot.expiresOn) : false,
      ref: lot.supplier ?? false,
    }).id);
  }
  for (const balance of data.stock.filter((s) => s.plant === plant.code)) {
    const productId = need(ctx.products, balance.item, 'product', ctx);
    const product = db.get('product.product', productId)!;
    let lotId: number | false = false;
    if (balance.lot) {
      lotId = ctx.lots.get(`${balance.item}/${balance.lot}`) ?? db.insert('stock.lot', { name: balance.lot, product_id: productId }).id;
      ctx.lots.set(`${balance.item}/${balance.lot}`, lotId);
    }
    db.insert('stock.quant', {
      product_id: productId,
      location_id: need(ctx.locations, balance.location, 'location', ctx),
      lot_id: lotId,
      x_stock_status: balance.status,
      quantity: convertUom(db, Number(balance.quantity), uomOf(ctx, balance.unit, balance.item), product.uom_id as number),
    });
  }
}
