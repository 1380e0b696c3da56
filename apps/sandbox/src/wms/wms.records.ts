/**
 * What the simulated WMS stores, per plant, in the sandbox store. Field names follow the WMS
 * contract (docs/wms-contract.openapi.yaml), not the canonical model: the sandbox stands in for
 * a third-party product and the rest-wms connector does the mapping.
 */
export type WmsStockStatus = 'unrestricted' | 'quality_inspection' | 'blocked' | 'in_transit';
export const WMS_STOCK_STATUSES: readonly WmsStockStatus[] = [
  'unrestricted',
  'quality_inspection',
  'blocked',
  'in_transit',
];

export interface WmsQuantity {
  amount: string;
  unit: string;
}

/** One location × item × lot × status; `id` is the composite key. */
export interface StockRecord {
  id: string;
  locationCode: string;
  itemNumber: string;
  lotNumber?: string;
  stockStatus: WmsStockStatus;
  quantity: WmsQuantity;
}

export type ReservationStatus = 'open' | 'cancelled' | 'consumed';

export interface ReservationRecord {
  id: string;
  warehouseCode: string;
  itemNumber: string;
  quantity: WmsQuantity;
  locationCode?: string;
  lotNumber?: string;
  reference: string;
  status: ReservationStatus;
  /**
   * The transfer order that took the reservation over (POST /v1/transfer-orders with
   * `reservationId`): it keeps holding the stock for that order, is consumed when the order ships
   * and cancelled with it; it can no longer be cancelled on its own.
   */
  transferOrderId?: string;
  createdAt: string;
  cancelledAt?: string;
  consumedAt?: string;
}

export type TransferOrderStatus =
  'created' | 'picked' | 'shipped' | 'partially_received' | 'received' | 'cancelled';

export interface TransferOrderPick {
  lotNumber?: string;
  quantity: WmsQuantity;
  receivedQuantity: WmsQuantity;
}

export interface TransferOrderRecord {
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
  status: TransferOrderStatus;
  reference?: string;
  /** The reservation this order took over (it holds the order's stock until ship or cancel). */
  reservationId?: string;
  picks: TransferOrderPick[];
  createdAt: string;
  pickedAt?: string;
  shippedAt?: string;
  receivedAt?: string;
  cancelledAt?: string;
}

export interface ReceiptRecord {
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

/** Store collections of one plant's WMS. */
export const wmsCollections = (plant: string) => ({
  stock: `${plant}/wms/stock`,
  reservations: `${plant}/wms/reservations`,
  transferOrders: `${plant}/wms/transfer-orders`,
  receipts: `${plant}/wms/receipts`,
});

const KEY_PART_END = '\u0001';

/**
 * The id of a stock document, in the contract's balance order: item, location, lot (none first),
 * status. U+0001 ends each part (below every code character), so comparing ids compares the parts
 * one by one: the store's primary key is then the index a page of `GET /v1/stock` is a range of.
 */
export function stockKey(
  locationCode: string,
  itemNumber: string,
  lotNumber: string | undefined,
  status: WmsStockStatus,
): string {
  return [itemNumber, locationCode, lotNumber ?? '', status].join(KEY_PART_END);
}

/** The stock ids of one item: from `<item>U+0001` (inclusive) to `<item>U+0002` (exclusive). */
export function itemStockRange(itemNumber: string): { after: string; inclusive: true; before: string } {
  return { after: `${itemNumber}${KEY_PART_END}`, inclusive: true, before: `${itemNumber}\u0002` };
}

/** The contract's `after` / `nextAfter` (`itemNumber,locationCode,lotNumber,stockStatus`) ↔ the stock id. */
export function stockKeyOfAfter(after: string): string {
  const [item, location, lot, status] = after.split(',');
  return stockKey(location, item, lot || undefined, status as WmsStockStatus);
}

export function afterOf(b: Pick<StockRecord, 'itemNumber' | 'locationCode' | 'lotNumber' | 'stockStatus'>): string {
  return [b.itemNumber, b.locationCode, b.lotNumber ?? '', b.stockStatus].join(',');
}

/** `RSV-P200-000007`: prefix, plant, six-digit sequence. */
export function documentNumber(prefix: string, plant: string, n: number): string {
  return `${prefix}-${plant}-${String(n).padStart(6, '0')}`;
}
