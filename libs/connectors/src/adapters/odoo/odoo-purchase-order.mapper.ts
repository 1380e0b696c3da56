import {
  AcknowledgementStatus,
  LineAcknowledgement,
  maxZero,
  PurchaseOrder,
  PurchaseOrderStatus,
  Quantity,
  subtractQuantity,
} from '@plantsync/canonical';
import type { OdooPurchaseLine, OdooPurchaseOrder } from './odoo-records';
import { unitCode } from './odoo-uom.mapper';
import { charOrUndefined, floatToDecimal, many2oneId, many2oneName, odooDateTimeToIso } from './odoo-values';

/**
 * purchase.order.state (+ receipt_status once confirmed) → canonical status. 'to approve' waits for
 * an internal approval: not yet a commitment to the supplier, so it reads as draft.
 */
export function purchaseOrderStatus(po: Pick<OdooPurchaseOrder, 'state' | 'receipt_status'>): PurchaseOrderStatus {
  switch (po.state) {
    case 'draft':
    case 'to approve':
      return 'draft';
    case 'sent':
      return 'sent';
    case 'cancel':
      return 'cancelled';
    default:
      return po.receipt_status === 'full' ? 'received' : po.receipt_status === 'partial' ? 'partially_received' : 'confirmed';
  }
}

/** Domain terms selecting purchase orders of a canonical status. */
export function purchaseStatusDomain(status: PurchaseOrderStatus): Array<[string, string, unknown]> {
  switch (status) {
    case 'draft':
      return [['state', 'in', ['draft', 'to approve']]];
    case 'sent':
      return [['state', '=', 'sent']];
    case 'cancelled':
      return [['state', '=', 'cancel']];
    case 'confirmed':
      return [['state', 'in', ['purchase', 'done']], ['receipt_status', 'not in', ['partial', 'full']]];
    case 'partially_received':
      return [['state', 'in', ['purchase', 'done']], ['receipt_status', '=', 'partial']];
    case 'received':
      return [['state', 'in', ['purchase', 'done']], ['receipt_status', '=', 'full']];
  }
}

const ACK_STATUSES: readonly AcknowledgementStatus[] = ['none', 'accepted', 'rejected', 'changed'];

function acknowledgement(line: OdooPurchaseLine, unit: string): LineAcknowledgement {
  const raw = charOrUndefined(line.x_ack_status) as AcknowledgementStatus | undefined;
  const ack: LineAcknowledgement = { status: raw && ACK_STATUSES.includes(raw) ? raw : 'none' };
  const date = charOrUndefined(line.x_ack_date);
  const note = charOrUndefined(line.x_ack_note);
  const at = odooDateTimeToIso(line.x_ack_datetime);
  if (date) ack.proposedDate = date;
  if (line.x_ack_qty > 0) ack.proposedQuantity = Quantity.of(floatToDecimal(line.x_ack_qty), unit);
  if (note) ack.note = note;
  if (at) ack.acknowledgedAt = at;
  return ack;
}

export interface PurchaseOrderLookups {
  productCode(id: number): string;
  supplierRef(partnerId: number): string | undefined;
}

/** purchase.order + its lines → PurchaseOrder; line numbers are the lines' `sequence` (10, 20, …). */
export function toPurchaseOrder(
  po: OdooPurchaseOrder,
  lines: readonly OdooPurchaseLine[],
  plant: string,
  lookups: PurchaseOrderLookups,
): PurchaseOrder {
  const partnerId = many2oneId(po.partner_id);
  const currency = many2oneName(po.currency_id) ?? 'USD';
  return {
    id: String(po.id),
    number: po.name,
    supplier: (partnerId !== undefined ? lookups.supplierRef(partnerId) : undefined) ?? many2oneName(po.partner_id) ?? '',
    plant,
    status: purchaseOrderStatus(po),
    orderDate: (charOrUndefined(po.date_order) ?? '').slice(0, 10),
    lines: lines
      .filter((l) => many2oneId(l.order_id) === po.id)
      .sort((a, b) => a.sequence - b.sequence || a.id - b.id)
      .map((l) => {
        const unit = unitCode(many2oneName(l.product_uom_id) ?? 'Units');
        const quantity = Quantity.of(floatToDecimal(l.product_qty), unit);
        const received = Quantity.of(floatToDecimal(l.qty_received), unit);
        return {
          lineNumber: l.sequence,
          item: lookups.productCode(many2oneId(l.product_id)!),
          quantity,
          receivedQuantity: received,
          openQuantity: maxZero(subtractQuantity(quantity, received)),
          price: { amount: floatToDecimal(l.price_unit), currency },
          promisedDate: (charOrUndefined(l.date_planned) ?? '').slice(0, 10),
          acknowledgement: acknowledgement(l, unit),
        };
      }),
  };
}
