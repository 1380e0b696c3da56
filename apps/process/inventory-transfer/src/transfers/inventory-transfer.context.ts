import type { Quantity } from '@plantsync/canonical';

/**
 * The saga context of one inventory transfer (JSON in saga_instance.context; ADR 0006). Quantities
 * stay decimal strings with their unit (ADR 0001). Filled step by step: the request, then what the
 * steps learnt (stock unit, locations, reservation, transfer order, picked lot, postings).
 */
export interface TransferContext {
  /** The transfer's id (= the saga id). */
  transfer: string;
  item: string;
  /** As requested. */
  quantity: Quantity;
  lot?: string;
  fromPlant: string;
  fromLocation?: string;
  toPlant: string;
  toLocation?: string;
  reason: string;
  requestedBy: string;

  /** validate-transfer: the quantity in the item's stock unit (the WMS never converts). */
  stockQuantity?: Quantity;
  /** validate-transfer: the request's locations, else each plant's default location of the item. */
  sourceLocation?: string;
  destinationLocation?: string;
  /** reserve-source-stock; handed over to the transfer order by create-transfer-order. */
  reservation?: string;
  /** create-stock-transport: the STO in the source plant's ERP (id, and the number postings reference). */
  stockTransport?: string;
  stockTransportNumber?: string;
  /** create-transfer-order: lives at the source WMS. */
  transferOrder?: string;
  /** pick-transfer: the lot the WMS picked (carried over to the destination). */
  pickedLot?: string;
  /** ship-transfer. */
  shippedQuantity?: Quantity;
  shippedAt?: string;
  /** receive-transfer: when the saga saw everything received at the destination. */
  receivedAt?: string;
  /** post-goods-issue / post-goods-receipt: ERP movement ids. */
  goodsIssue?: string;
  goodsReceipt?: string;
}

/** Reference written on every backend document of the transfer (≤ 64 characters). */
export function transferReference(ctx: Pick<TransferContext, 'transfer'>): string {
  return `TRF-${ctx.transfer}`;
}

/**
 * What moves, from where to where, as the stock transport order (ERP) and the transfer order (WMS)
 * both describe it; set by the steps up to reserve-source-stock.
 */
export function transferMovement(ctx: TransferContext) {
  return {
    item: ctx.item,
    quantity: required(ctx.stockQuantity, 'stockQuantity'),
    ...(ctx.lot ? { lot: ctx.lot } : {}),
    fromLocation: required(ctx.sourceLocation, 'sourceLocation'),
    toPlant: ctx.toPlant,
    toLocation: required(ctx.destinationLocation, 'destinationLocation'),
    reference: transferReference(ctx),
  };
}

/** The lot that moves: the requested one, else the one the WMS picked. */
export function movedLot(ctx: TransferContext): string | undefined {
  return ctx.lot ?? ctx.pickedLot;
}

/** The event line of the transfer (item, quantity, lot). */
export function transferLine(ctx: TransferContext, quantity: Quantity = ctx.stockQuantity ?? ctx.quantity) {
  const lot = movedLot(ctx);
  return { item: ctx.item, quantity: { value: quantity.value, unit: quantity.unit }, ...(lot ? { lot } : {}) };
}

/** Steps need a field an earlier step set; its absence is a bug, never a business outcome. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`inventory transfer context has no ${what}`);
  return value;
}
