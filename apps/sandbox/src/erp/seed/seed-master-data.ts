import type { DemoDataset, ItemType } from '../../dataset/demo-dataset.types';
import { ODOO_UOM_NAMES, SeedContext } from './seed-context';

const CATEGORIES: Record<ItemType, string> = {
  finished: 'Finished goods',
  'semi-finished': 'Semi-finished goods',
  purchased: 'Purchased components',
  raw: 'Raw materials',
};

export function seedUnits(ctx: SeedContext, data: DemoDataset): void {
  const { db } = ctx;
  // Reference units first, so relative units can point at them.
  const ordered = [...data.units].sort((a, b) => Number(a.code !== a.referenceUnit) - Number(b.code !== b.referenceUnit));
  for (const unit of ordered) {
    const name = ODOO_UOM_NAMES[unit.code];
    if (!name) continue; // BOX sizes depend on the item: created below
    const reference = unit.code === unit.referenceUnit ? false : ctx.uoms.get(unit.referenceUnit)!;
    const factor = reference === false ? 1 : Number(unit.factor);
    ctx.uoms.set(unit.code, db.insert('uom.uom', { name, relative_factor: factor, relative_uom_id: reference, rounding: 0.001, active: true }).id);
  }
  const boxes = new Map<string, number>();
  for (const conversion of data.itemUnitConversions.filter((c) => c.from === 'BOX')) {
    const name = `Box of ${conversion.factor}`;
    if (!boxes.has(name))
      boxes.set(
        name,
        db.insert('uom.uom', {
          name,
          relative_factor: Number(conversion.factor),
          relative_uom_id: ctx.uoms.get(conversion.to)!,
          rounding: 1,
          active: true,
        }).id,
      );
    ctx.boxUoms.set(conversion.item, boxes.get(name)!);
  }
}

export function seedLocations(ctx: SeedContext): void {
  const { db, plant } = ctx;
  for (const location of plant.locations) {
    const usage = location.kind === 'transit' ? 'transit' : 'internal';
    const id = db.insert('stock.location', {
      name: location.name,
      complete_name: `WH/${location.name}`,
      barcode: location.code,
      usage,
      active: true,
    }).id;
    ctx.locations.set(location.code, id);
  }
  ctx.locations.set('vendors', db.insert('stock.location', { name: 'Vendors', complete_name: 'Partners/Vendors', usage: 'supplier', active: true }).id);
  ctx.locations.set(
    'production',
    db.insert('stock.location', { name: 'Production', complete_name: 'Virtual Locations/Production', usage: 'production', active: true }).id,
  );
  for (const [name, code, sequence] of [
    ['Receipts', 'incoming', 'IN'],
    ['Delivery Orders', 'outgoing', 'OUT'],
    ['Internal Transfers', 'internal', 'INT'],
    // Stock transport orders to other plants (docs/connectors.md, odoo-json2 "Stock transport orders").
    ['Inter-plant Transfers', 'internal', 'STO'],
  ])
    db.insert('stock.picking.type', { name, code, sequence_code: sequence });
  for (const wc of plant.workCenters)
    ctx.workCenters.set(wc.code, db.insert('mrp.workcenter', { name: wc.name, code: wc.code, active: true }).id);
}

export function seedPartners(ctx: SeedContext, data: DemoDataset): void {
  const { db, plant } = ctx;
  for (const currency of ['USD', 'EUR'])
    ctx.currencies.set(currency, db.insert('res.currency', { name: currency, symbol: currency === 'USD' ? '$' : '€', active: true }).id);
  for (const supplier of data.suppliers.filter((s) => s.plants.includes(plant.code))) {
    const id = db.insert('res.partner', {
      name: supplier.name,
      ref: supplier.code,
      is_company: true,
      supplier_rank: 1,
      country_code: supplier.country,
      email: supplier.contactEmail,
      active: true,
    }).id;
    ctx.partners.set(supplier.code, id);
  }
}

/** Items the plant uses: those with a plant extension, plus any component its BOMs name. */
export function seedProducts(ctx: SeedContext, data: DemoDataset): void {
  const { db, plant } = ctx;
  const categories = new Map<ItemType, number>();
  for (const [type, name] of Object.entries(CATEGORIES) as [ItemType, string][])
    categories.set(type, db.insert('product.category', { name, complete_name: `All / ${name}` }).id);
  const routes = {
    make: db.insert('stock.route', { name: 'Manufacture', active: true }).id,
    buy: db.insert('stock.route', { name: 'Buy', active: true }).id,
  };
  const componentCodes = new Set(
    data.boms.filter((b) => b.plants.includes(plant.code)).flatMap((b) => b.revisions.flatMap((r) => r.components.map((c) => c.item))),
  );
  for (const item of data.items) {
    const extension = item.plants.find((p) => p.plant === plant.code);
    if (!extension && !componentCodes.has(item.code)) continue;
    const procurement = extension?.procurement ?? 'buy';
    const id = db.insert('product.product', {
      default_code: item.code,
      name: item.name,
      type: 'consu',
      is_storable: true,
      tracking: item.lotControlled ? 'lot' : 'none',
      weight: Number(item.weightKg),
      uom_id: ctx.uoms.get(item.baseUnit)!,
      uom_ids: ctx.boxUoms.has(item.code) ? [ctx.boxUoms.get(item.code)!] : [],
      categ_id: categories.get(item.type)!,
      route_ids: [routes[procurement]],
      produce_delay: procurement === 'make' ? (extension?.leadTimeDays ?? 0) : 0,
      x_purchase_lead_days: procurement === 'buy' ? (extension?.leadTimeDays ?? 0) : 0,
      x_default_location_id: extension ? (ctx.locations.get(extension.defaultLocation) ?? false) : false,
      x_scrap_threshold_percent: extension ? Number(extension.scrapThresholdPercent) : 0,
      active: true,
    }).id;
    ctx.products.set(item.code, id);
  }
}
