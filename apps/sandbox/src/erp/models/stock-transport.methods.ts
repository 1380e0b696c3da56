import type { OdooDatabase } from '../orm/odoo-database';
import { userError } from '../orm/odoo-errors';
import type { OdooRecord } from '../orm/odoo-model-spec';
import { BusinessMethod, odooNow } from './business-method';

/**
 * stock.picking lifecycle buttons a stock transport order (picking type STO) goes through:
 * `action_confirm` and `action_cancel` are Odoo's own (odoo/addons/stock/models/stock_picking.py),
 * `plantsync_close_transport` is the Plantsync addon's (docs/connectors.md, odoo-json2).
 */
export const STOCK_TRANSPORT_METHODS: Record<string, BusinessMethod> = {
  /** draft → confirmed ("Waiting"): the order is agreed; nothing moves. */
  action_confirm(db, records) {
    for (const picking of records) {
      if (picking.state !== 'draft') continue; // Odoo confirms only drafts and ignores the rest
      if (movesOf(db, picking).length === 0) throw userError(`Please add some items to move in ${String(picking.name)}.`);
      setState(db, picking, 'confirmed');
    }
    return true;
  },
  /** Any state but done → cancel; Odoo refuses to cancel what is done. */
  action_cancel(db, records) {
    for (const picking of records)
      if (picking.state === 'done') throw userError(`You cannot cancel a stock move that has been set to 'Done'. (${String(picking.name)})`);
    for (const picking of records) if (picking.state !== 'cancel') setState(db, picking, 'cancel');
    return true;
  },
  /**
   * Plantsync addon: closes a transport whose goods issue was posted as its own picking
   * (`x_stock_transport` = this name). Done WITHOUT moving quants — validating it would move the
   * stock a second time. Only a confirmed/assigned STO can be closed.
   */
  plantsync_close_transport(db, records) {
    for (const picking of records) {
      const type = typeof picking.picking_type_id === 'number' ? db.get('stock.picking.type', picking.picking_type_id) : undefined;
      if (type?.sequence_code !== 'STO') throw userError(`${String(picking.name)} is not a stock transport order.`);
      if (picking.state !== 'confirmed' && picking.state !== 'assigned')
        throw userError(`You cannot close the stock transport order ${String(picking.name)}: it is ${String(picking.state)}.`);
    }
    for (const picking of records) setState(db, picking, 'done', { date_done: odooNow() });
    return true;
  },
};

function movesOf(db: OdooDatabase, picking: OdooRecord): OdooRecord[] {
  return db.search('stock.move', [['picking_id', '=', picking.id]]);
}

function setState(db: OdooDatabase, picking: OdooRecord, state: string, extra: Record<string, unknown> = {}): void {
  for (const move of movesOf(db, picking)) db.update('stock.move', move.id, { state });
  db.update('stock.picking', picking.id, { state, ...extra });
}
