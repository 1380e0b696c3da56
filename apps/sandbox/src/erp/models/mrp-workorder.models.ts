import { boolean, char, datetime, float, many2one, selection, text, type OdooModelSpec } from '../orm/odoo-model-spec';

/**
 * Operation confirmations: Odoo's mrp.workorder (one per operation of a manufacturing order) and
 * the Plantsync addon's log of recorded confirmations, x_plantsync_confirmation (a Studio model:
 * one record per confirmation, keyed by the caller's idempotency key, because real Odoo ignores
 * Idempotency-Key and a retry must find what it already recorded).
 */
export const MRP_WORKORDER_MODELS: OdooModelSpec[] = [
  {
    name: 'mrp.workorder',
    fields: {
      name: char,
      production_id: many2one('mrp.production'),
      workcenter_id: many2one('mrp.workcenter'),
      qty_produced: float,
      // Odoo books scrap through stock.scrap; the operation's scrap total is a Plantsync field.
      x_qty_scrapped: float,
      state: selection,
      date_finished: datetime,
    },
    display: (r, displayOf) => `${r.production_id ? displayOf('mrp.production', r.production_id as number) : ''} - ${String(r.name ?? '')}`,
    order: 'production_id, name, id',
  },
  {
    name: 'x_plantsync_confirmation',
    fields: {
      x_name: char,
      x_production_id: many2one('mrp.production'),
      x_workorder_id: many2one('mrp.workorder'),
      x_qty_produced: float,
      x_qty_scrapped: float,
      x_scrap_reason: text,
      x_final: boolean,
      x_date: datetime,
    },
    display: (r) => String(r.x_name ?? ''),
    order: 'id',
  },
];
