import { categoryIdsOf, ItemLookups, toItem } from './odoo-item.mapper';
import type { OdooProduct } from './odoo-records';

const lookups: ItemLookups = {
  categories: [
    { id: 1, complete_name: 'All / Finished goods' },
    { id: 3, complete_name: 'All / Purchased components' },
  ],
  routes: [
    { id: 1, name: 'Manufacture' },
    { id: 2, name: 'Buy' },
  ],
  locations: [{ id: 11, name: 'Raw materials store', complete_name: 'WH/Raw materials store', barcode: 'P200-RM', usage: 'internal' }],
  uoms: [{ id: 1, name: 'Units', relative_factor: 1, relative_uom_id: false }],
};

const bracket: OdooProduct = {
  id: 40,
  default_code: 'BRKT-1042',
  name: 'Mounting bracket',
  uom_id: [1, 'Units'],
  uom_ids: [7],
  categ_id: [3, 'All / Purchased components'],
  route_ids: [2],
  tracking: 'none',
  weight: 0.18,
  produce_delay: 0,
  x_purchase_lead_days: 10,
  x_default_location_id: [11, 'WH/Raw materials store'],
  x_scrap_threshold_percent: 2,
};

describe('product.product → Item', () => {
  it('maps code, unit, type and the plant extension of a bought part', () => {
    expect(toItem(bracket, 'P200', lookups)).toEqual({
      code: 'BRKT-1042',
      name: 'Mounting bracket',
      baseUnit: 'EA',
      type: 'purchased',
      lotControlled: false,
      weight: { value: '0.18', unit: 'KG' },
      plants: [{ plant: 'P200', procurementType: 'buy', leadTimeDays: 10, defaultLocation: 'P200-RM', scrapThresholdPercent: '2' }],
    });
  });

  it('reads make items from the Manufacture route and their lead time from produce_delay', () => {
    const pump: OdooProduct = {
      ...bracket,
      default_code: 'PMP-3100',
      categ_id: [1, 'All / Finished goods'],
      route_ids: [1],
      tracking: 'lot',
      produce_delay: 5,
      x_default_location_id: false,
      x_scrap_threshold_percent: 0,
      weight: 0,
    };
    const item = toItem(pump, 'P200', lookups);
    expect(item).toMatchObject({ type: 'finished', lotControlled: true, plants: [{ procurementType: 'make', leadTimeDays: 5 }] });
    expect(item.weight).toBeUndefined();
    expect(item.plants[0].defaultLocation).toBeUndefined();
  });

  it('filters by type through the product categories', () => {
    expect(categoryIdsOf('finished', lookups.categories)).toEqual([1]);
    expect(categoryIdsOf('raw', lookups.categories)).toEqual([]);
  });
});
