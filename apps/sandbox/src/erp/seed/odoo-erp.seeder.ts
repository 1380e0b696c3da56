import type { SandboxSeeder } from '../../core';
import { OdooDatabase } from '../orm/odoo-database';
import { seedBoms } from './seed-boms';
import type { SeedContext } from './seed-context';
import { seedLocations, seedPartners, seedProducts, seedUnits } from './seed-master-data';
import { seedProductionOrders, seedPurchaseOrders } from './seed-orders';
import { seedLotsAndQuants } from './seed-stock';

/** Maps the neutral demo dataset into one Odoo database per plant (`<plant>/erp/<model>`). */
export const odooErpSeeder: SandboxSeeder = {
  name: 'erp',
  version: 1,
  seed(dataset, store) {
    for (const plant of dataset.plants) {
      const ctx: SeedContext = {
        db: new OdooDatabase(store, plant.code),
        plant,
        uoms: new Map(),
        boxUoms: new Map(),
        products: new Map(),
        locations: new Map(),
        workCenters: new Map(),
        partners: new Map(),
        currencies: new Map(),
        boms: new Map(),
        lots: new Map(),
      };
      seedUnits(ctx, dataset);
      seedLocations(ctx);
      seedPartners(ctx, dataset);
      seedProducts(ctx, dataset);
      seedBoms(ctx, dataset);
      seedProductionOrders(ctx, dataset);
      seedPurchaseOrders(ctx, dataset);
      seedLotsAndQuants(ctx, dataset);
    }
  },
};
