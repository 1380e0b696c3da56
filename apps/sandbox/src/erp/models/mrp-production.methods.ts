import { userError } from '../orm/odoo-errors';
import type { OdooRecord } from '../orm/odoo-model-spec';
import { BusinessMethod, odooNow } from './business-method';

const LABEL: Record<string, string> = {
  draft: 'Draft',
  confirmed: 'Confirmed',
  progress: 'In Progress',
  to_close: 'To Close',
  done: 'Done',
  cancel: 'Cancelled',
};

function requireState(records: OdooRecord[], allowed: string[], action: string): void {
  for (const mo of records) {
    const state = String(mo.state);
    if (!allowed.includes(state))
      throw userError(`You cannot ${action} the manufacturing order ${String(mo.name)}: it is ${LABEL[state] ?? state}.`);
  }
}

/** mrp.production buttons (odoo/addons/mrp/models/mrp_production.py), with their state rules. */
export const MRP_PRODUCTION_METHODS: Record<string, BusinessMethod> = {
  action_confirm(db, records) {
    requireState(records, ['draft'], 'confirm');
    for (const mo of records) db.update('mrp.production', mo.id, { state: 'confirmed' });
    return true;
  },
  button_mark_done(db, records) {
    requireState(records, ['confirmed', 'progress', 'to_close'], 'mark as done');
    for (const mo of records) {
      const produced = Number(mo.qty_produced) > 0 ? mo.qty_produced : mo.product_qty;
      db.update('mrp.production', mo.id, { state: 'done', qty_produced: produced, date_finished: odooNow() });
    }
    return true;
  },
  /**
   * The Plantsync addon's way back for a release (docs/connectors.md): confirmed → draft while
   * nothing was produced. Standard Odoo has none (action_cancel is final).
   */
  plantsync_revert_release(db, records) {
    requireState(records, ['confirmed'], 'revert the release of');
    for (const mo of records)
      if (Number(mo.qty_produced) > 0)
        throw userError(`You cannot revert the release of ${String(mo.name)}: production has been reported.`);
    for (const mo of records) db.update('mrp.production', mo.id, { state: 'draft' });
    return true;
  },
  action_cancel(db, records) {
    requireState(records, ['draft', 'confirmed', 'progress', 'to_close'], 'cancel');
    for (const mo of records) db.update('mrp.production', mo.id, { state: 'cancel' });
    return true;
  },
};
