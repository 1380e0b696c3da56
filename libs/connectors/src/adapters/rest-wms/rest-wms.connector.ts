import type {
  Availability,
  CreateExpectedReceiptInput,
  CreateGoodsIssueInput,
  CreateReceiptInput,
  ExpectedReceipt,
  GoodsIssue,
  CreateReservationBatchInput,
  CreateReservationInput,
  CreateTransferOrderInput,
  Receipt,
  ReceiveTransferInput,
  Reservation,
  TransferOrder,
} from '@plantsync/canonical';
import { balanceKeyOf } from '@plantsync/canonical';
import type { SystemBinding } from '@plantsync/landscape';
import { RecordNotFoundError } from '../../errors/connector.errors';
import { ConnectorHttpClient, credentialFrom, type HttpRequest } from '../../http/connector-http.client';
import type { BalancePage, BalancePageRequest } from '../../ports/balance-page';
import type { CallContext } from '../../ports/call-context';
import { WmsConnector, type AvailabilityQuery, type BalanceQuery, type ReservationQuery } from '../../ports/wms.connector';
import {
  wmsContractPath,
  WMS_CONTRACT_OPERATIONS,
  type WmsOperationId,
  type WmsReceipt,
  type WmsReservation,
  type WmsStockResponse,
  type WmsTransferOrder,
} from './rest-wms.contract';
import { toCreateExpectedReceiptRequest, toExpectedReceipt, type WmsExpectedReceipt } from './rest-wms-expected-receipt.mapping';
import { toCreateGoodsIssueRequest, toGoodsIssue, type WmsGoodsIssue } from './rest-wms-goods-issue.mapping';
import {
  computeAvailability,
  toCreateReceiptRequest,
  toCreateReservationBatchRequest,
  toCreateReservationRequest,
  toCreateTransferOrderRequest,
  toInventoryBalance,
  toReceipt,
  toReservation,
  toTransferOrder,
  toWmsAfter,
  toWmsQuantity,
} from './rest-wms.mapping';
import { mapWmsProblem } from './rest-wms.problems';

export const REST_WMS_KIND = 'rest-wms';

/** Probed by /health/ready: cheap, and proves reachability, credentials and the warehouse code. */
const HEALTH_PROBE_ITEM = 'PLANTSYNC-HEALTH-PROBE';

export interface RestWmsOptions {
  warehouseCode: string;
}

/**
 * A WMS speaking Plantsync's own contract (docs/wms-contract.openapi.yaml). One instance per
 * plant; every request names the warehouse from `options.warehouseCode`.
 */
export class RestWmsConnector extends WmsConnector {
  private readonly http: ConnectorHttpClient;
  private readonly warehouseCode: string;

  constructor(plant: string, binding: SystemBinding) {
    super(plant, 'wms', binding);
    this.warehouseCode = (binding.options as unknown as RestWmsOptions).warehouseCode;
    this.http = new ConnectorHttpClient(binding, { plant, system: 'wms', connector: REST_WMS_KIND }, (headers) => {
      const token = credentialFrom(binding);
      if (token) headers.authorization = `Bearer ${token}`;
    });
  }

  async health(ctx: CallContext): Promise<void> {
    await this.call<WmsStockResponse>(ctx, 'listStock', { query: { item: HEALTH_PROBE_ITEM } });
  }

  async getAvailability(ctx: CallContext, query: AvailabilityQuery): Promise<Availability> {
    const filter = { item: query.item, location: query.location, lot: query.lot };
    const [stock, reservations] = await Promise.all([
      this.call<WmsStockResponse>(ctx, 'listStock', { query: filter }),
      this.call<{ reservations: WmsReservation[] }>(ctx, 'listReservations', { query: { ...filter, status: 'open' } }),
    ]);
    const unit = stock.stockUnit ?? stock.balances[0]?.quantity.unit ?? reservations.reservations[0]?.quantity.unit;
    if (!unit) throw new RecordNotFoundError('Item', query.item, { plant: this.plant, system: 'wms', connector: REST_WMS_KIND });
    return computeAvailability(this.plant, query, unit, stock.balances, reservations.reservations);
  }

  /** One keyset page of `GET /v1/stock`: the WMS answers it in the balance order (docs/wms-contract.md). */
  async listBalancePage(ctx: CallContext, query: BalanceQuery, page: BalancePageRequest): Promise<BalancePage> {
    const stock = await this.call<WmsStockResponse>(ctx, 'listStock', {
      query: {
        item: query.item,
        location: query.location,
        lot: query.lot,
        status: query.status,
        after: page.after && toWmsAfter(page.after),
        limit: String(page.limit),
      },
    });
    const items = stock.balances.map((b) => toInventoryBalance(this.plant, b));
    const last = items.at(-1);
    return { items, nextAfter: stock.nextAfter && last ? balanceKeyOf(last) : null };
  }

  async createReservation(ctx: CallContext, input: CreateReservationInput): Promise<Reservation> {
    const body = toCreateReservationRequest(this.warehouseCode, input);
    return toReservation(this.plant, await this.call<WmsReservation>(ctx, 'createReservation', { body }));
  }

  async createReservations(ctx: CallContext, input: CreateReservationBatchInput): Promise<Reservation[]> {
    const body = toCreateReservationBatchRequest(this.warehouseCode, input);
    const answer = await this.call<{ reservations: WmsReservation[] }>(ctx, 'createReservationBatch', { body });
    return answer.reservations.map((r) => toReservation(this.plant, r));
  }

  async getReservation(ctx: CallContext, id: string): Promise<Reservation> {
    return toReservation(this.plant, await this.call<WmsReservation>(ctx, 'getReservation', { id, recordType: 'Reservation' }));
  }

  async listReservations(ctx: CallContext, query: ReservationQuery): Promise<Reservation[]> {
    const answer = await this.call<{ reservations: WmsReservation[] }>(ctx, 'listReservations', { query: { item: query.item, status: query.status } });
    return answer.reservations.map((r) => toReservation(this.plant, r)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async cancelReservation(ctx: CallContext, id: string): Promise<Reservation> {
    return toReservation(this.plant, await this.call<WmsReservation>(ctx, 'cancelReservation', { id, recordType: 'Reservation' }));
  }

  async createTransferOrder(ctx: CallContext, input: CreateTransferOrderInput): Promise<TransferOrder> {
    const body = toCreateTransferOrderRequest(this.warehouseCode, input);
    return toTransferOrder(this.plant, await this.call<WmsTransferOrder>(ctx, 'createTransferOrder', { body }));
  }

  async getTransferOrder(ctx: CallContext, id: string): Promise<TransferOrder> {
    return this.transferOrderCall(ctx, 'getTransferOrder', id);
  }

  async pickTransferOrder(ctx: CallContext, id: string): Promise<TransferOrder> {
    return this.transferOrderCall(ctx, 'pickTransferOrder', id);
  }

  async shipTransferOrder(ctx: CallContext, id: string): Promise<TransferOrder> {
    return this.transferOrderCall(ctx, 'shipTransferOrder', id);
  }

  async cancelTransferOrder(ctx: CallContext, id: string): Promise<TransferOrder> {
    return this.transferOrderCall(ctx, 'cancelTransferOrder', id);
  }

  async receiveTransferOrder(ctx: CallContext, id: string, input: ReceiveTransferInput): Promise<TransferOrder> {
    return this.transferOrderCall(ctx, 'receiveTransferOrder', id, { quantity: toWmsQuantity(input.quantity) });
  }

  async createReceipt(ctx: CallContext, input: CreateReceiptInput): Promise<Receipt> {
    const body = toCreateReceiptRequest(this.warehouseCode, input);
    return toReceipt(this.plant, await this.call<WmsReceipt>(ctx, 'createReceipt', { body }));
  }

  async createExpectedReceipt(ctx: CallContext, input: CreateExpectedReceiptInput): Promise<ExpectedReceipt> {
    const body = toCreateExpectedReceiptRequest(this.warehouseCode, input);
    return toExpectedReceipt(this.plant, await this.call<WmsExpectedReceipt>(ctx, 'createExpectedReceipt', { body }));
  }

  async createGoodsIssue(ctx: CallContext, input: CreateGoodsIssueInput): Promise<GoodsIssue> {
    const body = toCreateGoodsIssueRequest(this.warehouseCode, input);
    return toGoodsIssue(this.plant, await this.call<WmsGoodsIssue>(ctx, 'createGoodsIssue', { body }));
  }

  private async transferOrderCall(ctx: CallContext, operation: WmsOperationId, id: string, body?: unknown): Promise<TransferOrder> {
    const order = await this.call<WmsTransferOrder>(ctx, operation, { id, recordType: 'Transfer order', body });
    return toTransferOrder(this.plant, order);
  }

  /** Every request goes through here, built from the contract's operation table. */
  private call<T>(
    ctx: CallContext,
    operation: WmsOperationId,
    opts: { id?: string; recordType?: string; query?: Record<string, string | undefined>; body?: unknown } = {},
  ): Promise<T> {
    const { method } = WMS_CONTRACT_OPERATIONS[operation];
    const request: HttpRequest = {
      method,
      path: wmsContractPath(operation, opts.id !== undefined ? { id: opts.id } : {}),
      // GETs of collections name the warehouse; postings carry it in the body.
      query: method === 'GET' && opts.id === undefined ? { warehouse: this.warehouseCode, ...opts.query } : opts.query,
      body: opts.body,
      operation,
      ...(opts.id !== undefined && opts.recordType ? { notFound: { recordType: opts.recordType, recordId: opts.id } } : {}),
      mapError: (res, context) => mapWmsProblem(res, context, this.binding.credentialsEnv),
    };
    return this.http.json<T>(ctx, request);
  }
}
