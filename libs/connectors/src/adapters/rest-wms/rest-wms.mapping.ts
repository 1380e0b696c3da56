import {
  Availability,
  CreateReceiptInput,
  CreateReservationBatchInput,
  CreateReservationInput,
  CreateTransferOrderInput,
  InventoryBalance,
  Quantity,
  Receipt,
  Reservation,
  TransferOrder,
  addQuantity,
  maxZero,
  subtractQuantity,
  zero,
  type BalanceKey,
  type StockStatus,
} from '@plantsync/canonical';
import type { AvailabilityQuery } from '../../ports/wms.connector';
import type {
  WmsCreateReceiptRequest,
  WmsCreateReservationBatchRequest,
  WmsCreateReservationRequest,
  WmsCreateTransferOrderRequest,
  WmsQuantity,
  WmsReceipt,
  WmsReservation,
  WmsStockBalance,
  WmsTransferOrder,
} from './rest-wms.contract';

/**
 * Canonical model ↔ WMS contract, both ways, as pure functions (the table in docs/connectors.md,
 * section rest-wms). The contract's vocabulary is a warehouse's (itemNumber, locationCode,
 * lotNumber, amount); the canonical one is Plantsync's (item, location, lot, value).
 */

export const toQuantity = (q: WmsQuantity): Quantity => Quantity.of(q.amount, q.unit);
export const toWmsQuantity = (q: Quantity): WmsQuantity => ({ amount: q.value, unit: q.unit });

/** Optional fields are left out rather than sent as undefined/null. */
function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined || value === null || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}

export function toInventoryBalance(plant: string, b: WmsStockBalance): InventoryBalance {
  return Object.assign(new InventoryBalance(), {
    plant,
    location: b.locationCode,
    item: b.itemNumber,
    ...opt('lot', b.lotNumber),
    stockStatus: b.stockStatus as StockStatus,
    quantity: toQuantity(b.quantity),
  });
}

/**
 * A canonical balance key as the contract's `after` (`itemNumber,locationCode,lotNumber,stockStatus`):
 * the WMS and the canonical model share codes and statuses, and no code contains a comma.
 */
export function toWmsAfter(key: BalanceKey): string {
  return [key.item, key.location, key.lot ?? '', key.stockStatus].join(',');
}

export function toReservation(plant: string, r: WmsReservation): Reservation {
  return Object.assign(new Reservation(), {
    id: r.id,
    plant,
    item: r.itemNumber,
    quantity: toQuantity(r.quantity),
    ...opt('location', r.locationCode),
    ...opt('lot', r.lotNumber),
    reference: r.reference,
    status: r.status,
    ...opt('transferOrder', r.transferOrderId),
    createdAt: r.createdAt,
  });
}

export function toCreateReservationRequest(warehouseCode: string, input: CreateReservationInput): WmsCreateReservationRequest {
  return {
    warehouseCode,
    itemNumber: input.item,
    quantity: toWmsQuantity(input.quantity),
    ...opt('locationCode', input.location),
    ...opt('lotNumber', input.lot),
    reference: input.reference,
  };
}

export function toCreateReservationBatchRequest(warehouseCode: string, input: CreateReservationBatchInput): WmsCreateReservationBatchRequest {
  return {
    warehouseCode,
    reference: input.reference,
    lines: input.lines.map((line) => ({
      itemNumber: line.item,
      quantity: toWmsQuantity(line.quantity),
      ...opt('locationCode', line.location),
      ...opt('lotNumber', line.lot),
    })),
  };
}

export function toTransferOrder(plant: string, t: WmsTransferOrder): TransferOrder {
  return Object.assign(new TransferOrder(), {
    id: t.id,
    plant,
    item: t.itemNumber,
    quantity: toQuantity(t.quantity),
    receivedQuantity: toQuantity(t.receivedQuantity),
    ...opt('lot', t.lotNumber),
    fromLocation: t.fromLocationCode,
    toPlant: t.toPlantCode,
    toLocation: t.toLocationCode,
    status: t.status,
    ...opt('reference', t.reference),
    ...opt('reservation', t.reservationId),
    createdAt: t.createdAt,
  });
}

export function toCreateTransferOrderRequest(
  warehouseCode: string,
  input: CreateTransferOrderInput,
): WmsCreateTransferOrderRequest {
  return {
    warehouseCode,
    itemNumber: input.item,
    quantity: toWmsQuantity(input.quantity),
    ...opt('lotNumber', input.lot),
    fromLocationCode: input.fromLocation,
    toPlantCode: input.toPlant,
    toLocationCode: input.toLocation,
    ...opt('reference', input.reference),
    ...opt('reservationId', input.reservation),
  };
}

export function toReceipt(plant: string, r: WmsReceipt): Receipt {
  return Object.assign(new Receipt(), {
    id: r.id,
    plant,
    item: r.itemNumber,
    quantity: toQuantity(r.quantity),
    ...opt('lot', r.lotNumber),
    location: r.locationCode,
    stockStatus: r.stockStatus as StockStatus,
    ...opt('reference', r.reference),
    receivedAt: r.receivedAt,
  });
}

export function toCreateReceiptRequest(warehouseCode: string, input: CreateReceiptInput): WmsCreateReceiptRequest {
  return {
    warehouseCode,
    itemNumber: input.item,
    quantity: toWmsQuantity(input.quantity),
    ...opt('lotNumber', input.lot),
    locationCode: input.location,
    stockStatus: (input.stockStatus ?? 'unrestricted') as WmsCreateReceiptRequest['stockStatus'],
    ...opt('reference', input.reference),
  };
}

/**
 * Availability from the WMS's balances and open reservations of one item (already filtered to the
 * query's location / lot): ATP = unrestricted − reserved, never below zero. Stock in quality
 * inspection, blocked or in transit is reported on its own line and never counts towards ATP.
 * All quantities must be in `unit` (the item's stock unit); a mix throws UnitMismatchError.
 */
export function computeAvailability(
  plant: string,
  query: AvailabilityQuery,
  unit: string,
  balances: WmsStockBalance[],
  openReservations: WmsReservation[],
): Availability {
  const byStatus: Record<StockStatus, Quantity> = {
    unrestricted: zero(unit),
    quality_inspection: zero(unit),
    blocked: zero(unit),
    in_transit: zero(unit),
  };
  for (const b of balances) byStatus[b.stockStatus] = addQuantity(byStatus[b.stockStatus], toQuantity(b.quantity));
  const reserved = openReservations
    .filter((r) => r.status === 'open')
    .reduce((acc, r) => addQuantity(acc, toQuantity(r.quantity)), zero(unit));
  return Object.assign(new Availability(), {
    plant,
    item: query.item,
    ...opt('location', query.location),
    ...opt('lot', query.lot),
    unrestricted: byStatus.unrestricted,
    reserved,
    qualityInspection: byStatus.quality_inspection,
    blocked: byStatus.blocked,
    inTransit: byStatus.in_transit,
    availableToPromise: maxZero(subtractQuantity(byStatus.unrestricted, reserved)),
    balances: balances.map((b) => toInventoryBalance(plant, b)),
  });
}
