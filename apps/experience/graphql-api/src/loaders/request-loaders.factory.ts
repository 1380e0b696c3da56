import { Injectable } from '@nestjs/common';
import type { Availability, BomExplosion, PurchaseOrder, PurchaseOrderStatus } from '@plantsync/canonical';
import { ErpApiClient, WmsApiClient, type CallContext } from '@plantsync/clients';
import DataLoader from 'dataloader';
import type { BomExplosionKey, PlantItemKey, RequestLoaders } from './request-loaders.interface';

/** Calls one batch makes to a system API at the same time: a page of orders must not flood a plant. */
const FAN_OUT = 8;
/** A plant's purchase orders are read in pages of the system API's maximum, up to this many pages. */
const PO_PAGE_SIZE = 200;
const PO_MAX_PAGES = 10;

/** Statuses whose lines can still arrive. */
export const OPEN_PURCHASE_ORDER_STATUSES: ReadonlySet<PurchaseOrderStatus> = new Set(['sent', 'confirmed', 'partially_received']);

/** Runs `fn` over `keys` with at most `limit` in flight; a failure stays with its key. */
async function fanOut<K, V>(keys: readonly K[], limit: number, fn: (key: K) => Promise<V>): Promise<Array<V | Error>> {
  const results: Array<V | Error> = new Array(keys.length);
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const i = next++;
      try {
        results[i] = await fn(keys[i]);
      } catch (e) {
        results[i] = e instanceof Error ? e : new Error(String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, keys.length) }, worker));
  return results;
}

/** Builds a fresh set of loaders for one GraphQL request. */
@Injectable()
export class RequestLoadersFactory {
  constructor(
    private readonly erp: ErpApiClient,
    private readonly wms: WmsApiClient,
  ) {}

  create(ctx: CallContext): RequestLoaders {
    return {
      bomExplosion: new DataLoader<BomExplosionKey, BomExplosion, string>(
        (keys) => fanOut(keys, FAN_OUT, (k) => this.erp.explodeBom(ctx, k.plant, k.item, { at: k.at, quantity: '1', unit: k.unit })),
        { cacheKeyFn: (k) => `${k.plant}\u0000${k.item}\u0000${k.at}\u0000${k.unit}` },
      ),
      availability: new DataLoader<PlantItemKey, Availability, string>(
        (keys) => fanOut(keys, FAN_OUT, (k) => this.wms.getAvailability(ctx, k.plant, { item: k.item })),
        { cacheKeyFn: (k) => `${k.plant}\u0000${k.item}` },
      ),
      openPurchaseOrdersOfPlant: new DataLoader<string, PurchaseOrder[]>((plants) => fanOut(plants, FAN_OUT, (plant) => this.openPurchaseOrders(ctx, plant))),
    };
  }

  private async openPurchaseOrders(ctx: CallContext, plant: string): Promise<PurchaseOrder[]> {
    const open: PurchaseOrder[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < PO_MAX_PAGES; page++) {
      const result = await this.erp.listPurchaseOrders(ctx, plant, { limit: PO_PAGE_SIZE, cursor });
      open.push(...result.items.filter((po) => OPEN_PURCHASE_ORDER_STATUSES.has(po.status)));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    return open;
  }
}
