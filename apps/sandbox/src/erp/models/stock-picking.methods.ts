import type { OdooDatabase } from '../orm/odoo-database';
import { userError } from '../orm/odoo-errors';
import type { OdooRecord } from '../orm/odoo-model-spec';
import { BusinessMethod, odooNow } from './business-method';
import { convertUom } from './uom-math';

/** Adds `delta` (in the product's unit) to the quant of product × location × lot. */
function addToQuant(db: OdooDatabase, productId: number, locationId: number, lotId: number | false, delta: number): void {
  const [quant] = db.search('stock.quant', [
    ['product_id', '=', productId],
    ['location_id', '=', locationId],
    ['lot_id', '=', lotId],
  ]);
  if (quant) db.update('stock.quant', quant.id, { quantity: Math.round((Number(quant.quantity) + delta) * 1e6) / 1e6 });
  else db.insert('stock.quant', { product_id: productId, location_id: locationId, lot_id: lotId, quantity: delta });
}

function available(db: OdooDatabase, productId: number, locationId: number, lotId: number | false): number {
  const domain: unknown[] = [['product_id', '=', productId], ['location_id', '=', locationId]];
  if (lotId !== false) domain.push(['lot_id', '=', lotId]);
  return db.search('stock.quant', domain).reduce((sum, q) => sum + Number(q.quantity), 0);
}

function validateMove(db: OdooDatabase, picking: OdooRecord, move: OdooRecord): void {
  const product = db.browse('product.product', [move.product_id])[0];
  const qty = convertUom(db, Number(move.product_uom_qty), move.product_uom as number, product.uom_id as number);
  const source = db.browse('stock.location', [move.location_id])[0];
  const destination = db.browse('stock.location', [move.location_dest_id])[0];
  const lotId = Array.isArray(move.lot_ids) && move.lot_ids.length > 0 ? (move.lot_ids[0] as number) : false;
  if (product.tracking !== 'none' && lotId === false)
    throw userError(`You need to supply a Lot/Serial number for product: ${db.displayName('product.product', product.id)}`);
  if (source.usage === 'internal') {
    const onHand = available(db, product.id, source.id, lotId);
    if (onHand < qty)
      throw userError(
        `Not enough stock of ${db.displayName('product.product', product.id)} at ${String(source.complete_name)}: ${onHand} on hand, ${qty} requested (${String(picking.name)}).`,
      );
    addToQuant(db, product.id, source.id, lotId, -qty);
  }
  if (destination.usage === 'internal' || destination.usage === 'transit') addToQuant(db, product.id, destination.id, lotId, qty);
  const date = odooNow();
  db.update('stock.move', move.id, { state: 'done', quantity: move.product_uom_qty, date });
  // Odoo records what was moved, per lot, as a done move line: the history the ERP connector reads.
  db.insert('stock.move.line', {
    move_id: move.id,
    picking_id: picking.id,
    reference: move.reference,
    product_id: product.id,
    lot_id: lotId,
    quantity: move.product_uom_qty,
    product_uom_id: move.product_uom,
    location_id: source.id,
    location_dest_id: destination.id,
    state: 'done',
    date,
  });
}

/** stock.picking buttons (odoo/addons/stock/models/stock_picking.py). */
export const STOCK_PICKING_METHODS: Record<string, BusinessMethod> = {
  button_validate(db, records) {
    for (const picking of records) {
      if (picking.state === 'done' || picking.state === 'cancel')
        throw userError(`The transfer ${String(picking.name)} is already ${picking.state === 'done' ? 'done' : 'cancelled'}.`);
      const moves = db.search('stock.move', [['picking_id', '=', picking.id]]);
      if (moves.length === 0) throw userError(`Please add some items to move in ${String(picking.name)}.`);
      for (const move of moves) validateMove(db, picking, move);
      db.update('stock.picking', picking.id, { state: 'done', date_done: odooNow() });
    }
    return true;
  },
};
