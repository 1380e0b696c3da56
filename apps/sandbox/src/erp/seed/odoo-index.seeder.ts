import type { SandboxSeeder } from '../../core';
import { OdooDatabase } from '../orm/odoo-database';

/**
 * Fills stored computed fields and sorted indexes (stock.quant.x_plantsync_balance_key) of
 * records written before the models declared them: once per sandbox file, after the ERP seeder.
 * New records get both on every create and write (OdooDatabase.save).
 */
export const odooIndexSeeder: SandboxSeeder = {
  name: 'erp-indexes',
  version: 1,
  seed(dataset, store) {
    for (const plant of dataset.plants) new OdooDatabase(store, plant.code).reindex('stock.quant');
  },
};
