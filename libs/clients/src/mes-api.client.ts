import type { ProductionConfirmation, ProductionOrder, WorkOrder, WorkOrderStatus } from '@plantsync/canonical';
import type { CallContext } from '@plantsync/connectors';
import { seg, SystemApiHttp, type SystemApiClientOptions } from './http/system-api.http';

/** What a dispatch needs of a production order; a whole ProductionOrder can be passed. */
export type DispatchWorkOrderInput = Pick<ProductionOrder, 'number' | 'item' | 'quantity' | 'plannedStart' | 'plannedEnd'> &
  Partial<Pick<ProductionOrder, 'workCenter'>>;

/** How far a stored inbound confirmation got (mes-api's status column). */
export type InboundConfirmationStatus = 'received' | 'waiting' | 'posted' | 'failed';

/** mes-api's answer to a production report: every message newly stored (accepted) or already known (duplicates). */
export interface ProductionPerformanceReceipt {
  receiptId: string;
  accepted: string[];
  duplicates: string[];
  receivedAt: string;
}

/** An inbound production confirmation as mes-api stored it. */
export interface StoredProductionConfirmation {
  plant: string;
  messageId: string;
  productionOrder: string;
  sequence: number;
  status: InboundConfirmationStatus;
  format: 'json' | 'b2mml';
  receivedAt: string;
  receiptId: string;
  correlationId: string | null;
  confirmation: ProductionConfirmation;
}

/** mes-api (docs/openapi/mes-api.json): work orders in a plant's MES. */
export class MesApiClient {
  private readonly http: SystemApiHttp;

  constructor(options: SystemApiClientOptions) {
    this.http = new SystemApiHttp('mes-api', options);
  }

  /**
   * Sends the order to the plant's MES as a work order. Idempotent per order number at the MES;
   * pass an idempotency key so a retried call is also answered once by the API.
   */
  dispatchWorkOrder(ctx: CallContext, plant: string, order: DispatchWorkOrderInput): Promise<WorkOrder> {
    // Only the fields the API accepts: a whole ProductionOrder would carry members it does not know.
    const body = {
      number: order.number,
      item: order.item,
      quantity: { value: order.quantity.value, unit: order.quantity.unit },
      plannedStart: order.plannedStart,
      plannedEnd: order.plannedEnd,
      ...(order.workCenter ? { workCenter: order.workCenter } : {}),
    };
    return this.http.call(ctx, { method: 'POST', path: `/v1/plants/${seg(plant)}/work-orders`, body, operation: 'dispatchWorkOrder', plant });
  }

  getWorkOrder(ctx: CallContext, plant: string, id: string): Promise<WorkOrder> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/work-orders/${seg(id)}`, operation: 'getWorkOrder', plant });
  }

  /** Every work order of the plant's MES (optionally of one status), ordered by production order number; not paged. */
  async listWorkOrders(ctx: CallContext, plant: string, query: { status?: WorkOrderStatus } = {}): Promise<WorkOrder[]> {
    const page = await this.http.call<{ items: WorkOrder[] }>(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/work-orders`,
      query: { ...query },
      operation: 'listWorkOrders',
      plant,
    });
    return page.items;
  }

  /**
   * Reports production as the plant MES does (its `mes` key, or the service key): one confirmation
   * or a batch of up to 1,000. Answered once everything is stored; repeats come back as duplicates.
   */
  reportProductionPerformance(
    ctx: CallContext,
    plant: string,
    confirmations: ProductionConfirmation[],
  ): Promise<ProductionPerformanceReceipt> {
    const body = confirmations.length === 1 ? confirmations[0] : { confirmations };
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/production-performance`,
      body,
      operation: 'reportProductionPerformance',
      plant,
    });
  }

  /** The same as a B2MML SyncProductionPerformance / ProcessProductionPerformance document. */
  reportProductionPerformanceB2mml(ctx: CallContext, plant: string, xml: string): Promise<ProductionPerformanceReceipt> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/production-performance`,
      rawBody: xml,
      contentType: 'application/xml',
      operation: 'reportProductionPerformance',
      plant,
    });
  }

  /** A stored inbound production confirmation; 404 `confirmation-not-found`. */
  getProductionConfirmation(ctx: CallContext, plant: string, messageId: string): Promise<StoredProductionConfirmation> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/production-performance/${seg(messageId)}`,
      operation: 'getProductionConfirmation',
      plant,
    });
  }

  /** Reports how far a stored confirmation got (service key). Setting a status twice is harmless. */
  async setProductionConfirmationStatus(
    ctx: CallContext,
    plant: string,
    messageId: string,
    status: Exclude<InboundConfirmationStatus, 'received'>,
  ): Promise<{ plant: string; messageId: string; status: InboundConfirmationStatus }> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/production-performance/${seg(messageId)}/status`,
      body: { status },
      operation: 'setProductionConfirmationStatus',
      plant,
    });
  }
}
