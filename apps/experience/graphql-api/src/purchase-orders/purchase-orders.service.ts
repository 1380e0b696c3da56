import { Injectable } from '@nestjs/common';
import { decimal, type PurchaseOrder } from '@plantsync/canonical';
import { ErpApiClient, SystemApiNotFoundError, type CallContext } from '@plantsync/clients';
import type { Principal } from '@plantsync/platform';
import { pageThrough, type PagedEdges } from '../common/filtered-pager';
import { queryFingerprint } from '../common/opaque-cursor';
import { badUserInput, forbidden, notFound } from '../errors/graphql-errors';
import { OPEN_PURCHASE_ORDER_STATUSES } from '../loaders/request-loaders.factory';
import type { AcknowledgePurchaseOrderLinesInput } from './acknowledge-purchase-order-lines.input';
import type { PurchaseOrderFilterInput } from './purchase-orders.args';

/** Planners and admins see every supplier's orders; everyone else is narrowed to their own. */
function seesAllSuppliers(viewer: Principal): boolean {
  return viewer.isAdmin() || viewer.hasRole('planner');
}

/** Still to deliver: an open status and at least one line with an open quantity. */
export function isOpenPurchaseOrder(po: PurchaseOrder): boolean {
  return OPEN_PURCHASE_ORDER_STATUSES.has(po.status) && po.lines.some((l) => decimal(l.openQuantity.value).gt(0));
}

/**
 * Purchase orders as the supplier portal and planners see them. The graphql-api calls erp-api with
 * its own `service` key, so the object-level rules live here: a supplier reads and answers only
 * its own orders (another's is NOT_FOUND, exactly like a missing one), never a draft, and every
 * order that comes back is checked again before it leaves.
 */
@Injectable()
export class PurchaseOrdersService {
  constructor(private readonly erp: ErpApiClient) {}

  canSee(viewer: Principal, po: PurchaseOrder): boolean {
    if (seesAllSuppliers(viewer)) return true;
    // A draft has not been sent: it is not the supplier's business yet.
    return viewer.supplierIds().includes(po.supplier) && po.status !== 'draft';
  }

  /** The supplier whose orders a list is narrowed to; undefined = every supplier (planners). */
  supplierScope(viewer: Principal, requested: string | undefined): string | undefined {
    if (seesAllSuppliers(viewer)) return requested;
    const own = viewer.supplierIds();
    if (own.length === 0) throw forbidden();
    if (requested) {
      if (!own.includes(requested)) throw forbidden('You may only see your own purchase orders.');
      return requested;
    }
    if (own.length > 1)
      throw badUserInput('Your credential acts for several suppliers: name one.', [{ field: 'filter.supplier', message: `one of ${own.join(', ')}` }]);
    return own[0];
  }

  async list(ctx: CallContext, viewer: Principal, filter: PurchaseOrderFilterInput = {}, first: number, after?: string): Promise<PagedEdges<PurchaseOrder>> {
    const supplier = this.supplierScope(viewer, filter.supplier);
    const { plant, status } = filter;
    const openOnly = filter.openOnly === true;
    return pageThrough<PurchaseOrder>({
      first,
      after,
      fingerprint: queryFingerprint(['purchaseOrders', viewer.id, supplier ?? null, plant ?? null, status ?? null, openOnly]),
      pageSize: Math.min(200, Math.max(first, 50)),
      fetch: (cursor, limit) =>
        plant
          ? this.erp.listPurchaseOrders(ctx, plant, { supplier, status, limit, cursor })
          : this.erp.listPurchaseOrdersAcrossPlants(ctx, { supplier, status, limit, cursor }),
      keep: (po) => this.canSee(viewer, po) && (!supplier || po.supplier === supplier) && (!openOnly || isOpenPurchaseOrder(po)),
    });
  }

  /** One order; another supplier's is NOT_FOUND with the same message as a missing one. */
  async get(ctx: CallContext, viewer: Principal, plant: string, id: string): Promise<PurchaseOrder> {
    const missing = () => notFound(`Purchase order ${id} was not found at ${plant}.`);
    let po: PurchaseOrder;
    try {
      po = await this.erp.getPurchaseOrder(ctx, plant, id);
    } catch (e) {
      if (e instanceof SystemApiNotFoundError) throw missing();
      throw e;
    }
    if (!this.canSee(viewer, po)) throw missing();
    return po;
  }

  /**
   * Records the supplier's answer in the plant's ERP through erp-api's acknowledgements route.
   * The idempotency key is derived from the caller and its clientMutationId: erp-api sees every
   * portal user through our one service key, so the caller's id keeps two suppliers' keys apart.
   */
  async acknowledge(ctx: CallContext, viewer: Principal, input: AcknowledgePurchaseOrderLinesInput): Promise<PurchaseOrder> {
    const po = await this.get(ctx, viewer, input.plant, input.purchaseOrder);
    if (!seesAllSuppliers(viewer) && !viewer.supplierIds().includes(po.supplier)) throw forbidden();
    const updated = await this.erp.acknowledgePurchaseOrder(
      { ...ctx, idempotencyKey: `graphql:${viewer.id}:${input.clientMutationId}` },
      po.plant,
      po.id,
      {
        lines: input.lines.map((l) => ({
          lineNumber: l.lineNumber,
          status: l.decision,
          proposedDate: l.proposedDate,
          proposedQuantity: l.proposedQuantity ? { value: l.proposedQuantity.value, unit: l.proposedQuantity.unit } : undefined,
          note: l.note,
        })),
      } as Parameters<ErpApiClient['acknowledgePurchaseOrder']>[3],
    );
    if (!this.canSee(viewer, updated)) throw notFound(`Purchase order ${input.purchaseOrder} was not found at ${input.plant}.`);
    return updated;
  }
}
