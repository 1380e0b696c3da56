import type { OdooDatabase } from '../orm/odoo-database';

/** How many reference units one `uomId` is (kg for g, Units for a box of 12). */
function toReference(db: OdooDatabase, uomId: number, depth = 0): number {
  const uom = db.get('uom.uom', uomId);
  if (!uom || depth > 10) return 1;
  const factor = Number(uom.relative_factor || 1);
  return typeof uom.relative_uom_id === 'number' ? factor * toReference(db, uom.relative_uom_id, depth + 1) : factor;
}

/** Converts a quantity between two units of the same dimension (Odoo's uom._compute_quantity). */
export function convertUom(db: OdooDatabase, qty: number, fromUomId: number, toUomId: number): number {
  if (fromUomId === toUomId) return qty;
  return Math.round((qty * toReference(db, fromUomId)) / toReference(db, toUomId) * 1e6) / 1e6;
}
