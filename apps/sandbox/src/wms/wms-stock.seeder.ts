import { decimal, formatDecimal } from '@plantsync/canonical';
import type { SandboxSeeder, SandboxStore } from '../core';
import type { DemoDataset } from '../dataset/demo-dataset.types';
import { stockKey, wmsCollections, type StockRecord } from './wms.records';

/**
 * Loads DEMO_DATASET.stock into each plant's WMS: one balance per plant × location × item ×
 * lot × status (duplicates in the dataset add up). Re-running replaces the plant's stock.
 */
export const wmsStockSeeder: SandboxSeeder = {
  name: 'wms',
  // 2: stock ids in the balance order (item, location, lot, status) for keyset paging.
  version: 2,
  seed(dataset: DemoDataset, store: SandboxStore): void {
    for (const plant of dataset.plants) {
      const collection = wmsCollections(plant.code).stock;
      for (const existing of store.list<StockRecord>(collection)) store.delete(collection, existing.id);
    }
    for (const row of dataset.stock) {
      const collection = wmsCollections(row.plant).stock;
      const id = stockKey(row.location, row.item, row.lot, row.status);
      const current = store.get<StockRecord>(collection, id);
      const amount = current ? formatDecimal(decimal(current.quantity.amount).plus(row.quantity)) : row.quantity;
      store.put<StockRecord>(collection, id, {
        id,
        locationCode: row.location,
        itemNumber: row.item,
        ...(row.lot ? { lotNumber: row.lot } : {}),
        stockStatus: row.status,
        quantity: { amount, unit: row.unit },
      });
    }
  },
};
