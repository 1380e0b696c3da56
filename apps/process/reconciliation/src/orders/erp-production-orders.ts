import type { ProductionOrder } from '@plantsync/canonical';
import type { ErpApiClient } from '@plantsync/clients';
import type { CallContext } from '@plantsync/connectors';

/** The largest page erp-api serves. */
export const ORDER_PAGE_SIZE = 200;

/** Every production order of the plant's ERP, whatever its status, page by page. */
export async function* erpProductionOrders(erp: ErpApiClient, ctx: CallContext, plant: string): AsyncGenerator<ProductionOrder> {
  let cursor: string | undefined;
  do {
    const page = await erp.listProductionOrders(ctx, plant, { limit: ORDER_PAGE_SIZE, cursor });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
