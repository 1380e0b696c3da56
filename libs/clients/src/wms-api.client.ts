import type {
  Availability,
  CreateReservationBatchInput,
  CreateExpectedReceiptInput,
  CreateGoodsIssueInput,
  CreateReceiptInput,
  ExpectedReceipt,
  GoodsIssue,
  CreateReservationInput,
  CreateTransferOrderInput,
  InventoryBalance,
  Page,
  Receipt,
  ReceiveTransferInput,
  Reservation,
  ReservationBatch,
  StockStatus,
  TransferOrder,
} from '@plantsync/canonical';
import type { CallContext } from '@plantsync/connectors';
import { seg, SystemApiHttp, type SystemApiClientOptions } from './http/system-api.http';

const AVAILABILITY_ITEMS_PER_CALL = 100;

export interface AvailabilityQuery {
  item: string;
  location?: string;
  lot?: string;
}

export interface ListReservationsQuery {
  status?: 'open' | 'cancelled' | 'consumed';
  item?: string;
  limit?: number;
  cursor?: string;
}

export interface ListStockQuery {
  item?: string;
  location?: string;
  lot?: string;
  status?: StockStatus;
  limit?: number;
  cursor?: string;
}

/**
 * wms-api (docs/openapi/wms-api.json): availability, stock, reservations, transfer orders and
 * receipts. Transfer orders live at the SOURCE plant: every transfer call names the source plant,
 * also `receiveTransferOrder`.
 */
export class WmsApiClient {
  private readonly http: SystemApiHttp;

  constructor(options: SystemApiClientOptions) {
    this.http = new SystemApiHttp('wms-api', options);
  }

  /** available-to-promise = unrestricted − reserved; quality inspection, blocked and in-transit stock are reported apart. */
  getAvailability(ctx: CallContext, plant: string, query: AvailabilityQuery): Promise<Availability> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/availability`, query: { ...query }, operation: 'getAvailability', plant });
  }

  /**
   * Availability of several items in one call (plant-wide, as `getAvailability` with only `item`),
   * in the order asked; duplicates are answered once. 404 when the WMS does not know an item.
   */
  async getAvailabilities(ctx: CallContext, plant: string, items: string[]): Promise<Availability[]> {
    const unique = [...new Set(items)];
    const answers: Availability[] = [];
    // The item list travels in the URL: at most 100 codes (≤ 6.5 KB) per call keeps it far below
    // the 16 KB header limit; a BOM's leaves fit in one call.
    for (let i = 0; i < unique.length; i += AVAILABILITY_ITEMS_PER_CALL) {
      const answer = await this.http.call<{ items: Availability[] }>(ctx, {
        method: 'GET',
        path: `/v1/plants/${seg(plant)}/availability/batch`,
        query: { items: unique.slice(i, i + AVAILABILITY_ITEMS_PER_CALL).join(',') },
        operation: 'getAvailabilities',
        plant,
      });
      answers.push(...answer.items);
    }
    return answers;
  }

  listStock(ctx: CallContext, plant: string, query: ListStockQuery = {}): Promise<Page<InventoryBalance>> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/stock`, query: { ...query }, operation: 'listStock', plant });
  }

  /** 409 InsufficientStockError (item, requested, available) when available-to-promise does not cover it. */
  createReservation(ctx: CallContext, plant: string, input: CreateReservationInput): Promise<Reservation> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/plants/${seg(plant)}/reservations`, body: input, operation: 'createReservation', plant });
  }

  /**
   * Every line reserved in one WMS transaction, or none: 409 InsufficientStockError naming the
   * first line stock does not cover, and nothing is held. The same idempotency key answers the
   * first batch again. Reservations in the order of the lines.
   */
  createReservations(ctx: CallContext, plant: string, input: CreateReservationBatchInput): Promise<ReservationBatch> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/reservations/batch`,
      body: input,
      operation: 'createReservations',
      plant,
    });
  }

  /** Reservations by status and item, ordered by id. */
  listReservations(ctx: CallContext, plant: string, query: ListReservationsQuery = {}): Promise<Page<Reservation>> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/reservations`, query: { ...query }, operation: 'listReservations', plant });
  }

  getReservation(ctx: CallContext, plant: string, id: string): Promise<Reservation> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/reservations/${seg(id)}`, operation: 'getReservation', plant });
  }

  cancelReservation(ctx: CallContext, plant: string, id: string): Promise<Reservation> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/reservations/${seg(id)}/cancel`,
      operation: 'cancelReservation',
      plant,
    });
  }

  /**
   * Created at `plant` (the source); 409 InsufficientStockError when the source cannot cover it.
   * With `reservation` the WMS hands that reservation over to the order in one transaction
   * (400 unknown-reservation / reservation-mismatch, 409 invalid-state when it is not open).
   */
  createTransferOrder(ctx: CallContext, plant: string, input: CreateTransferOrderInput): Promise<TransferOrder> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/transfer-orders`,
      body: input,
      operation: 'createTransferOrder',
      plant,
    });
  }

  getTransferOrder(ctx: CallContext, plant: string, id: string): Promise<TransferOrder> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/transfer-orders/${seg(id)}`, operation: 'getTransferOrder', plant });
  }

  /** created → picked (409 invalid-state otherwise). */
  pickTransferOrder(ctx: CallContext, plant: string, id: string): Promise<TransferOrder> {
    return this.step(ctx, plant, id, 'pick', 'pickTransferOrder');
  }

  /** picked → shipped: the stock shows as in_transit at the destination plant. */
  shipTransferOrder(ctx: CallContext, plant: string, id: string): Promise<TransferOrder> {
    return this.step(ctx, plant, id, 'ship', 'shipTransferOrder');
  }

  /**
   * created/picked → cancelled, releasing a reservation the order took over. A cancelled order is
   * answered unchanged; a shipped one is 409 invalid-state.
   */
  cancelTransferOrder(ctx: CallContext, plant: string, id: string): Promise<TransferOrder> {
    return this.step(ctx, plant, id, 'cancel', 'cancelTransferOrder');
  }

  /** Receives (part of) a shipped order at its destination; `plant` is the SOURCE plant. 409 over-receipt. */
  receiveTransferOrder(ctx: CallContext, plant: string, id: string, input: ReceiveTransferInput): Promise<TransferOrder> {
    return this.step(ctx, plant, id, 'receive', 'receiveTransferOrder', input);
  }

  createReceipt(ctx: CallContext, plant: string, input: CreateReceiptInput): Promise<Receipt> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/plants/${seg(plant)}/receipts`, body: input, operation: 'createReceipt', plant });
  }

  /** Takes unrestricted stock out of one location and lot (production consumption, scrap); 409 insufficient-stock. */
  createGoodsIssue(ctx: CallContext, plant: string, input: CreateGoodsIssueInput): Promise<GoodsIssue> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/plants/${seg(plant)}/goods-issues`, body: input, operation: 'createGoodsIssue', plant });
  }

  /** Announces an inbound delivery from a supplier's ship notice; the same idempotency key answers the first one again. */
  createExpectedReceipt(ctx: CallContext, plant: string, input: CreateExpectedReceiptInput): Promise<ExpectedReceipt> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/plants/${seg(plant)}/expected-receipts`, body: input, operation: 'createExpectedReceipt', plant });
  }

  private step(ctx: CallContext, plant: string, id: string, action: string, operation: string, body?: unknown): Promise<TransferOrder> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/transfer-orders/${seg(id)}/${action}`,
      body,
      operation,
      plant,
    });
  }
}
