import type { OdooDatabase } from '../orm/odoo-database';
import type { OdooRecord } from '../orm/odoo-model-spec';

/** Field defaults and sequences Odoo fills in on create (ir.sequence names like WH/IN/00007). */
export const CREATE_DEFAULTS: Record<string, (db: OdooDatabase, record: OdooRecord) => Record<string, unknown>> = {
  'stock.picking': (db, picking) => {
    const type = typeof picking.picking_type_id === 'number' ? db.get('stock.picking.type', picking.picking_type_id) : undefined;
    return {
      state: picking.state || 'draft',
      name: picking.name || `${db.plant}/${String(type?.sequence_code ?? 'MOVE')}/${String(picking.id).padStart(5, '0')}`,
    };
  },
  'stock.move': (db, move) => ({
    state: move.state || 'draft',
    reference:
      move.reference || (typeof move.picking_id === 'number' ? String(db.get('stock.picking', move.picking_id)?.name ?? '') : ''),
  }),
  'mrp.production': (db, mo) => ({
    state: mo.state || 'draft',
    name: mo.name || `${db.plant}/MO/${String(mo.id).padStart(5, '0')}`,
  }),
  'stock.lot': () => ({}),
};
