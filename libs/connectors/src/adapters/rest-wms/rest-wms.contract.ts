/**
 * The wire types and operations of Plantsync's WMS contract (docs/wms-contract.openapi.yaml).
 * The connector builds every request from WMS_CONTRACT_OPERATIONS, so the contract test can
 * prove that each path it calls is in the published contract.
 */
export const WMS_CONTRACT_OPERATIONS = {
  listStock: { method: 'GET', path: '/v1/stock' },
  listReservations: { method: 'GET', path: '/v1/reservations' },
  createReservation: { method: 'POST', path: '/v1/reservations' },
  createReservationBatch: { method: 'POST', path: '/v1/reservations/batch' },
  getReservation: { method: 'GET', path: '/v1/reservations/{id}' },
  cancelReservation: { method: 'POST', path: '/v1/reservations/{id}/cancel' },
  createTransferOrder: { method: 'POST', path: '/v1/transfer-orders' },
  getTransferOrder: { method: 'GET', path: '/v1/transfer-orders/{id}' },
  pickTransferOrder: { method: 'POST', path: '/v1/transfer-orders/{id}/pick' },
  shipTransferOrder: { method: 'POST', path: '/v1/transfer-orders/{id}/ship' },
  receiveTransferOrder: { method: 'POST', path: '/v1/transfer-orders/{id}/receive' },
  cancelTransferOrder: { method: 'POST', path: '/v1/transfer-orders/{id}/cancel' },
  createReceipt: { method: 'POST', path: '/v1/receipts' },
  createExpectedReceipt: { method: 'POST', path: '/v1/expected-receipts' },
  createGoodsIssue: { method: 'POST', path: '/v1/goods-issues' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: string }>;

export type WmsOperationId = keyof typeof WMS_CONTRACT_OPERATIONS;

/** `/v1/reservations/{id}` + { id: 'RSV-1' } → `/v1/reservations/RSV-1` (encoded). */
export function wmsContractPath(operation: WmsOperationId, params: Record<string, string> = {}): string {
  return WMS_CONTRACT_OPERATIONS[operation].path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${operation}: path parameter ${name} missing`);
    return encodeURIComponent(value);
  });
}

export type WmsStockStatus = 'unrestricted' | 'quality_inspection' | 'blocked' | 'in_transit';

export interface WmsQuantity {
  amount: string;
  unit: string;
}

export interface WmsStockBalance {
  locationCode: string;
  itemNumber: string;
  lotNumber?: string;
  stockStatus: WmsStockStatus;
  quantity: WmsQuantity;
}

export interface WmsStockResponse {
  warehouseCode: string;
  stockUnit?: string;
  balances: WmsStockBalance[];
  /** With `limit`, when more rows follow: the last row's key, to pass as `after`. */
  nextAfter?: string;
}

export interface WmsReservation {
  id: string;
  warehouseCode: string;
  itemNumber: string;
  quantity: WmsQuantity;
  locationCode?: string;
  lotNumber?: string;
  reference: string;
  status: 'open' | 'cancelled' | 'consumed';
  /** The transfer order that took the reservation over. */
  transferOrderId?: string;
  createdAt: string;
  cancelledAt?: string;
  consumedAt?: string;
}

export interface WmsCreateReservationRequest {
  warehouseCode: string;
  itemNumber: string;
  quantity: WmsQuantity;
  locationCode?: string;
  lotNumber?: string;
  reference: string;
}

export interface WmsCreateReservationBatchRequest {
  warehouseCode: string;
  reference: string;
  lines: Array<Omit<WmsCreateReservationRequest, 'warehouseCode' | 'reference'>>;
}

export interface WmsTransferOrderPick {
  lotNumber?: string;
  quantity: WmsQuantity;
  receivedQuantity: WmsQuantity;
}

export interface WmsTransferOrder {
  id: string;
  warehouseCode: string;
  itemNumber: string;
  lotNumber?: string;
  quantity: WmsQuantity;
  receivedQuantity: WmsQuantity;
  fromLocationCode: string;
  toPlantCode: string;
  toLocationCode: string;
  transitLocationCode: string;
  status: 'created' | 'picked' | 'shipped' | 'partially_received' | 'received' | 'cancelled';
  reference?: string;
  reservationId?: string;
  picks: WmsTransferOrderPick[];
  createdAt: string;
  pickedAt?: string;
  shippedAt?: string;
  receivedAt?: string;
  cancelledAt?: string;
}

export interface WmsCreateTransferOrderRequest {
  warehouseCode: string;
  itemNumber: string;
  quantity: WmsQuantity;
  lotNumber?: string;
  fromLocationCode: string;
  toPlantCode: string;
  toLocationCode: string;
  reference?: string;
  /** An open reservation of exactly this demand: the order takes it over (no release-then-create window). */
  reservationId?: string;
}

export interface WmsReceipt {
  id: string;
  warehouseCode: string;
  itemNumber: string;
  quantity: WmsQuantity;
  lotNumber?: string;
  locationCode: string;
  stockStatus: WmsStockStatus;
  reference?: string;
  receivedAt: string;
}

export interface WmsCreateReceiptRequest {
  warehouseCode: string;
  itemNumber: string;
  quantity: WmsQuantity;
  lotNumber?: string;
  locationCode: string;
  stockStatus?: 'unrestricted' | 'quality_inspection' | 'blocked';
  reference?: string;
}

/** RFC 9457 body the WMS answers errors with; `type` ends in a stable slug. */
export interface WmsProblem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
  itemNumber?: string;
  requested?: WmsQuantity;
  available?: WmsQuantity;
  /** unknown-reservation, reservation-mismatch. */
  reservationId?: string;
  mismatches?: string[];
}
