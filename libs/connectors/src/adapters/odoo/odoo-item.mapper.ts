import { Item, ItemType, Quantity } from '@plantsync/canonical';
import type { OdooLocation, OdooProduct, OdooUom } from './odoo-records';
import { unitCode } from './odoo-uom.mapper';
import { charOrUndefined, floatToDecimal, many2oneId, many2oneName } from './odoo-values';

/** Last segment of the product category (complete_name "All / Finished goods") → item type. */
const TYPE_BY_CATEGORY: Record<string, ItemType> = {
  'Finished goods': 'finished',
  'Semi-finished goods': 'semi_finished',
  'Purchased components': 'purchased',
  'Raw materials': 'raw',
};

export interface ItemLookups {
  categories: ReadonlyArray<{ id: number; complete_name: string }>;
  routes: ReadonlyArray<{ id: number; name: string }>;
  locations: readonly OdooLocation[];
  uoms: readonly OdooUom[];
}

export function itemTypeOf(categoryName: string | undefined, make: boolean): ItemType {
  const leaf = categoryName?.split(' / ').pop() ?? '';
  return TYPE_BY_CATEGORY[leaf] ?? (make ? 'semi_finished' : 'purchased');
}

/** Odoo category ids whose products are of `type` (for the items list filter). */
export function categoryIdsOf(type: ItemType, categories: ItemLookups['categories']): number[] {
  return categories.filter((c) => TYPE_BY_CATEGORY[c.complete_name.split(' / ').pop() ?? ''] === type).map((c) => c.id);
}

/** A stock location's canonical code is its barcode (P100-RM); without one, its full name. */
export function locationCode(location: OdooLocation): string {
  return charOrUndefined(location.barcode) ?? location.complete_name;
}

/**
 * product.product → Item with this plant's extension: procurement from the routes (Manufacture =
 * make), lead time from produce_delay (make) or x_purchase_lead_days (buy).
 */
export function toItem(product: OdooProduct, plant: string, lookups: ItemLookups): Item {
  const routeNames = product.route_ids.map((id) => lookups.routes.find((r) => r.id === id)?.name);
  const make = routeNames.includes('Manufacture');
  const category = lookups.categories.find((c) => c.id === many2oneId(product.categ_id))?.complete_name ?? many2oneName(product.categ_id);
  const location = lookups.locations.find((l) => l.id === many2oneId(product.x_default_location_id));
  const uomName = lookups.uoms.find((u) => u.id === many2oneId(product.uom_id))?.name ?? many2oneName(product.uom_id) ?? 'Units';
  const item: Item = {
    code: charOrUndefined(product.default_code) ?? String(product.id),
    name: product.name,
    baseUnit: unitCode(uomName),
    type: itemTypeOf(category, make),
    lotControlled: product.tracking !== 'none',
    plants: [
      {
        plant,
        procurementType: make ? 'make' : 'buy',
        leadTimeDays: make ? product.produce_delay : product.x_purchase_lead_days,
        ...(location ? { defaultLocation: locationCode(location) } : {}),
        ...(product.x_scrap_threshold_percent > 0 ? { scrapThresholdPercent: floatToDecimal(product.x_scrap_threshold_percent) } : {}),
      },
    ],
  };
  if (product.weight > 0) item.weight = Quantity.of(floatToDecimal(product.weight), 'KG');
  return item;
}
