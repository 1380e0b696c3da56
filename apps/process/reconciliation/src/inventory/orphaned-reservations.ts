import type { ProductionOrderStatus, Reservation } from '@plantsync/canonical';
import { SystemApiNotFoundError, type ErpApiClient, type WmsApiClient } from '@plantsync/clients';
import type { CallContext } from '@plantsync/connectors';

/** Order statuses that hold no stock any more: a reservation for such an order is orphaned. */
const FINISHED: readonly ProductionOrderStatus[] = ['closed', 'cancelled'];

export interface OrphanedReservation {
  reservation: Reservation;
  orderStatus: ProductionOrderStatus;
}

/**
 * Open WMS reservations whose production order the ERP has closed or cancelled. Streams the
 * reservations page by page; each order is asked for once per plant. A reference the ERP does not
 * know as a production order (a transfer, a manual hold) is not judged.
 */
export async function* orphanedReservations(
  erp: ErpApiClient,
  wms: WmsApiClient,
  ctx: CallContext,
  plant: string,
): AsyncGenerator<OrphanedReservation> {
  const statuses = new Map<string, ProductionOrderStatus | null>();
  let cursor: string | undefined;
  do {
    const page = await wms.listReservations(ctx, plant, { status: 'open', limit: 200, cursor });
    for (const reservation of page.items) {
      let status = statuses.get(reservation.reference);
      if (status === undefined) {
        status = await orderStatus(erp, ctx, plant, reservation.reference);
        statuses.set(reservation.reference, status);
      }
      if (status && FINISHED.includes(status)) yield { reservation, orderStatus: status };
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function orderStatus(erp: ErpApiClient, ctx: CallContext, plant: string, reference: string): Promise<ProductionOrderStatus | null> {
  try {
    return (await erp.getProductionOrder(ctx, plant, reference)).status;
  } catch (e) {
    if (e instanceof SystemApiNotFoundError) return null;
    throw e;
  }
}
