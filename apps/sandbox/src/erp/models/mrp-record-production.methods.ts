import Decimal from 'decimal.js';
import { badRequest, userError } from '../orm/odoo-errors';
import type { OdooDatabase } from '../orm/odoo-database';
import type { OdooRecord } from '../orm/odoo-model-spec';
import { BusinessMethod, odooNow } from './business-method';

const RECORDABLE_STATES = ['confirmed', 'progress', 'to_close'];

const sum = (a: unknown, b: number) => new Decimal(Number(a) || 0).plus(b).toNumber();

function quantity(params: Record<string, unknown>, name: string): number {
  const value = params[name] ?? 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw badRequest(`${name} must be a number ≥ 0`);
  return value;
}

/** What a recorded confirmation answers (the first call and every retry alike). */
function answer(db: OdooDatabase, log: OdooRecord): Record<string, unknown> {
  const wo = log.x_workorder_id ? db.get('mrp.workorder', log.x_workorder_id as number) : undefined;
  const mo = db.get('mrp.production', log.x_production_id as number);
  return {
    confirmation_id: log.id,
    workorder_id: wo ? wo.id : false,
    workorder_qty_produced: wo ? wo.qty_produced : false,
    workorder_qty_scrapped: wo ? wo.x_qty_scrapped : false,
    production_qty_produced: mo?.qty_produced ?? 0,
    date: log.x_date,
  };
}

/** The operation's work order, created on its first confirmation (the demo orders have no routing). */
function workorderOf(db: OdooDatabase, mo: OdooRecord, operation: string, workcenterCode: unknown): OdooRecord {
  const [existing] = db.search('mrp.workorder', [['production_id', '=', mo.id], ['name', '=', operation]]);
  if (existing) return existing;
  const [workcenter] = typeof workcenterCode === 'string' ? db.search('mrp.workcenter', [['code', '=', workcenterCode]]) : [];
  return db.insert('mrp.workorder', {
    name: operation,
    production_id: mo.id,
    workcenter_id: workcenter?.id ?? mo.x_workcenter_id ?? false,
    qty_produced: 0,
    x_qty_scrapped: 0,
    state: 'ready',
  });
}

/**
 * The Plantsync addon's `mrp.production.plantsync_record_production`: records what the shop floor
 * confirmed on one operation (Odoo's mrp.workorder record_production, done remotely): the work
 * order's produced and scrapped totals, the order's qty_produced, confirmed → in progress. One
 * call per confirmation, keyed by `plantsync_key` (logged in x_plantsync_confirmation), so a retry
 * against real Odoo — which ignores Idempotency-Key — records nothing twice.
 */
export const MRP_RECORD_PRODUCTION_METHODS: Record<string, BusinessMethod> = {
  plantsync_record_production(db, records, params) {
    if (records.length !== 1) throw badRequest('plantsync_record_production takes exactly one manufacturing order');
    const key = params.plantsync_key;
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) throw badRequest('plantsync_key must be a string of 1 to 200 characters');
    const [seen] = db.search('x_plantsync_confirmation', [['x_name', '=', key]]);
    if (seen) return answer(db, seen);

    const mo = records[0]!;
    if (!RECORDABLE_STATES.includes(String(mo.state)))
      throw userError(`You cannot record production on the manufacturing order ${String(mo.name)}: it is ${String(mo.state)}.`);
    const produced = quantity(params, 'qty_produced');
    const scrapped = quantity(params, 'qty_scrapped');
    const final = params.final === true;
    const operation = typeof params.operation === 'string' && params.operation.length > 0 ? params.operation : undefined;
    const date = typeof params.date === 'string' ? params.date : odooNow();

    let workorderId: number | false = false;
    if (operation) {
      const wo = workorderOf(db, mo, operation, params.workcenter);
      if (wo.state === 'done') throw userError(`The work order ${String(mo.name)} - ${operation} is already done.`);
      db.update('mrp.workorder', wo.id, {
        qty_produced: sum(wo.qty_produced, produced),
        x_qty_scrapped: sum(wo.x_qty_scrapped, scrapped),
        state: final ? 'done' : 'progress',
        ...(final ? { date_finished: date } : {}),
      });
      workorderId = wo.id;
    }
    db.update('mrp.production', mo.id, {
      qty_produced: sum(mo.qty_produced, produced),
      ...(mo.state === 'confirmed' ? { state: 'progress' } : {}),
    });
    const log = db.insert('x_plantsync_confirmation', {
      x_name: key,
      x_production_id: mo.id,
      x_workorder_id: workorderId,
      x_qty_produced: produced,
      x_qty_scrapped: scrapped,
      x_scrap_reason: typeof params.scrap_reason === 'string' ? params.scrap_reason : false,
      x_final: final,
      x_date: date,
    });
    return answer(db, log);
  },
};
