import { type GoodsMovementRecord, type MovementType, parsePostingKey } from '@plantsync/canonical';
import type { Many2one, OdooChar } from './odoo-records';
import { charOrUndefined, floatToDecimal, many2oneId, many2oneName, odooDateTimeToIso } from './odoo-values';

/**
 * A done stock.move.line: what was moved, per lot. The history reads move lines, not moves: Odoo
 * stores the lot on the line (stock.move.lot_ids is computed and cannot be searched).
 */
export interface OdooDoneMoveLine {
  id: number;
  picking_id: Many2one;
  reference: OdooChar;
  product_id: Many2one;
  lot_id: Many2one;
  quantity: number;
  product_uom_id: Many2one;
  location_id: Many2one;
  location_dest_id: Many2one;
  date: OdooChar;
}
export const DONE_MOVE_LINE_FIELDS = ['picking_id', 'reference', 'product_id', 'lot_id', 'quantity', 'product_uom_id', 'location_id', 'location_dest_id', 'date'];

/** The picking a move belongs to: where Plantsync's key and the business reference ride. */
export interface OdooHistoryPicking {
  id: number;
  name: string;
  origin: OdooChar;
  date_done: OdooChar;
  x_plantsync_key: OdooChar;
  x_stock_transport?: OdooChar;
}
export const HISTORY_PICKING_FIELDS = ['name', 'origin', 'date_done', 'x_plantsync_key', 'x_stock_transport'];

/** Stock Plantsync counts lives in internal (and transit) locations; suppliers, production, customers are outside. */
const STOCK_USAGES = new Set(['internal', 'transit']);

export interface HistoryLookups {
  /** Location id → { code, usage }. */
  location(id: number | undefined): { code: string; usage: string } | undefined;
  productCode(id: number | undefined): string | undefined;
  unitCode(id: number | undefined): string;
  picking(id: number | undefined): OdooHistoryPicking | undefined;
}

/**
 * Into stock from outside → receipt; out of stock → issue; stock to stock → transfer posting.
 * The kind is read from the locations, not the picking type: production-sync's receipts of finished
 * goods come out of the production location, as a purchase receipt comes from the supplier.
 */
export function movementKind(fromUsage: string | undefined, toUsage: string | undefined): MovementType {
  const fromStock = STOCK_USAGES.has(fromUsage ?? '');
  const toStock = STOCK_USAGES.has(toUsage ?? '');
  if (fromStock && toStock) return 'transfer_posting';
  return fromStock ? 'goods_issue' : 'goods_receipt';
}

export function toGoodsMovementRecord(move: OdooDoneMoveLine, plant: string, lookups: HistoryLookups): GoodsMovementRecord {
  const from = lookups.location(many2oneId(move.location_id));
  const to = lookups.location(many2oneId(move.location_dest_id));
  const picking = lookups.picking(many2oneId(move.picking_id));
  const type = movementKind(from?.usage, to?.usage);
  const record: GoodsMovementRecord = {
    id: String(move.id),
    plant,
    type,
    item: lookups.productCode(many2oneId(move.product_id)) ?? String(many2oneId(move.product_id)),
    quantity: { value: floatToDecimal(move.quantity), unit: lookups.unitCode(many2oneId(move.product_uom_id)) },
    postedAt: odooDateTimeToIso(move.date) ?? odooDateTimeToIso(picking?.date_done ?? false) ?? '',
  };
  // A lot's display name is its name.
  const lot = many2oneName(move.lot_id);
  if (lot) record.lot = lot;
  if (from && type !== 'goods_receipt') record.fromLocation = from.code;
  if (to && type !== 'goods_issue') record.toLocation = to.code;
  const reference = charOrUndefined(picking?.origin ?? false) ?? charOrUndefined(move.reference);
  if (reference) record.reference = reference;
  const transport = charOrUndefined(picking?.x_stock_transport ?? false);
  if (transport) record.stockTransport = transport;
  const key = charOrUndefined(picking?.x_plantsync_key ?? false);
  if (key) Object.assign(record, parsePostingKey(key));
  return record;
}
