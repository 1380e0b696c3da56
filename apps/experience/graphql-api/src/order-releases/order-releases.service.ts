import { Injectable } from '@nestjs/common';
import { type CallContext, OrderReleaseApiClient, type OrderReleaseView } from '@plantsync/clients';
import type { Principal } from '@plantsync/platform';
import { actingForOf } from '../common/acting-for';
import { idempotencyKeyFor } from '../common/client-mutation-id';
import type { OrderReleaseModel, OrderReleaseStatus } from './models/order-release.model';

/** The fields a planner sees; requestedBy/decidedBy name the person (sent as X-Acting-For) and our service key. */
export function toOrderReleaseModel(view: OrderReleaseView): OrderReleaseModel {
  return {
    requestedBy: view.requestedBy,
    decidedBy: view.decidedBy,
    cancelReason: view.cancelReason ?? null,
    id: view.id,
    plant: view.plant,
    productionOrder: view.productionOrder,
    status: view.status as OrderReleaseStatus,
    currentStep: view.currentStep,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    approvalDeadline: view.approvalDeadline,
    cancelRequestedAt: view.cancelRequestedAt,
    failure: view.failure ?? null,
    bomRevision: view.bomRevision,
    workOrder: view.workOrder,
    steps: view.steps as OrderReleaseModel['steps'],
    shortages: view.shortages.map((s) => ({ ...s, purchaseOrders: s.purchaseOrders ?? [] })),
    reservations: view.reservations,
    compensations: view.compensations,
  };
}

/**
 * Planner operations on releases through the order-release process API, with the graphql-api's
 * service key. Who may call them is decided by the resolver (planners and admins only); the
 * process API guards the state machine and answers 409 on a decision that no longer applies.
 */
@Injectable()
export class OrderReleasesService {
  constructor(private readonly releases: OrderReleaseApiClient) {}

  async start(ctx: CallContext, viewer: Principal, plant: string, productionOrderId: string, clientMutationId: string): Promise<OrderReleaseModel> {
    const view = await this.releases.startOrderRelease({ ...ctx, idempotencyKey: idempotencyKeyFor(viewer, clientMutationId) }, { plant, productionOrderId }, actingForOf(viewer));
    return toOrderReleaseModel(view);
  }

  async get(ctx: CallContext, id: string): Promise<OrderReleaseModel> {
    return toOrderReleaseModel(await this.releases.getOrderRelease(ctx, id));
  }

  async list(ctx: CallContext, query: { plant?: string; status?: OrderReleaseStatus; productionOrder?: string; first: number }): Promise<OrderReleaseModel[]> {
    const page = await this.releases.listOrderReleases(ctx, { plant: query.plant, status: query.status, productionOrder: query.productionOrder, limit: query.first });
    return page.items.map(toOrderReleaseModel);
  }

  /** The person goes downstream as X-Acting-For: order-release records them as decidedBy. */
  async approve(ctx: CallContext, viewer: Principal, id: string): Promise<OrderReleaseModel> {
    return toOrderReleaseModel(await this.releases.approveOrderRelease(ctx, id, actingForOf(viewer)));
  }

  async reject(ctx: CallContext, viewer: Principal, id: string, reason: string): Promise<OrderReleaseModel> {
    return toOrderReleaseModel(await this.releases.rejectOrderRelease(ctx, id, reason, actingForOf(viewer)));
  }

  /** order-release appends `(by <person> via <service key>)` to the reason it records. */
  async cancel(ctx: CallContext, viewer: Principal, id: string, reason?: string): Promise<OrderReleaseModel> {
    return toOrderReleaseModel(await this.releases.cancelOrderRelease(ctx, id, reason, actingForOf(viewer)));
  }
}
