import type { Availability, BomExplosion, PurchaseOrder } from '@plantsync/canonical';
import type DataLoader from 'dataloader';

/** One BOM explosion per plant × item × effective day × unit, for ONE unit of the item (scaled by the caller). */
export interface BomExplosionKey {
  plant: string;
  item: string;
  /** YYYY-MM-DD: the day the revision must be effective on (the order's planned start). */
  at: string;
  unit: string;
}

export interface PlantItemKey {
  plant: string;
  item: string;
}

/**
 * The per-request DataLoaders. Each key reaches a system API at most once per GraphQL request,
 * however many orders, components or aliases ask for it; nothing is shared between requests, so
 * one caller never sees another's cached reads. The system APIs have no multi-key endpoints yet,
 * so a batch is a bounded fan-out of single calls; when they gain one, only the factory changes.
 */
export interface RequestLoaders {
  /** erp-api GET /v1/plants/{plant}/items/{item}/bom/explosion?quantity=1&unit=&at= */
  bomExplosion: DataLoader<BomExplosionKey, BomExplosion, string>;
  /** wms-api GET /v1/plants/{plant}/availability?item= */
  availability: DataLoader<PlantItemKey, Availability, string>;
  /** erp-api GET /v1/plants/{plant}/purchase-orders, every page: the plant's open purchase orders. */
  openPurchaseOrdersOfPlant: DataLoader<string, PurchaseOrder[]>;
}
