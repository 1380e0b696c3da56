import type { OdooDatabase } from './odoo-database';
import { badRequest } from './odoo-errors';
import type { OdooRecord } from './odoo-model-spec';

/**
 * Applies `vals` (create or write) to a record the way the ORM does: checks every field exists,
 * many2one as an id or false, many2many as ids or commands [6,0,ids] / [4,id] / [3,id], one2many
 * as commands [0,0,vals] / [1,id,vals] / [2,id]. Returns the stored record.
 */
export function applyValues(db: OdooDatabase, model: string, id: number | undefined, vals: unknown): OdooRecord {
  if (typeof vals !== 'object' || vals === null || Array.isArray(vals)) throw badRequest('vals must be an object');
  const spec = db.spec(model);
  const scalar: Record<string, unknown> = {};
  const children: Array<[string, unknown]> = [];
  for (const [field, value] of Object.entries(vals as Record<string, unknown>)) {
    const f = spec.fields[field];
    if (!f) throw badRequest(`Invalid field '${field}' on model '${model}'`);
    if (f.type === 'one2many') children.push([field, value]);
    else if (f.type === 'many2one') scalar[field] = toMany2one(db, f.model, field, value);
    else if (f.type === 'many2many') scalar[field] = toMany2many(id === undefined ? [] : ((db.get(model, id)?.[field] as number[]) ?? []), value, field);
    else scalar[field] = value;
  }
  const record = id === undefined ? db.insert(model, scalar) : db.update(model, id, scalar);
  for (const [field, commands] of children) {
    const f = spec.fields[field] as { model: string; inverse: string };
    applyOne2many(db, f.model, f.inverse, record.id, commands, field);
  }
  return record;
}

function toMany2one(db: OdooDatabase, target: string, field: string, value: unknown): number | false {
  if (value === false || value === null) return false;
  if (!Number.isInteger(value)) throw badRequest(`${field} must be a record id or false`);
  db.browse(target, [value]);
  return value as number;
}

function toMany2many(current: number[], value: unknown, field: string): number[] {
  if (!Array.isArray(value)) throw badRequest(`${field} must be a list`);
  if (value.every((v) => Number.isInteger(v))) return value as number[];
  let ids = [...current];
  for (const command of value) {
    if (!Array.isArray(command)) throw badRequest(`${field}: invalid command ${JSON.stringify(command)}`);
    const [code, a, b] = command as [number, number, unknown];
    if (code === 6) ids = [...(b as number[])];
    else if (code === 4) ids = ids.includes(a) ? ids : [...ids, a];
    else if (code === 3) ids = ids.filter((x) => x !== a);
    else if (code === 5) ids = [];
    else throw badRequest(`${field}: unsupported command ${code}`);
  }
  return ids;
}

function applyOne2many(db: OdooDatabase, model: string, inverse: string, parentId: number, commands: unknown, field: string): void {
  if (!Array.isArray(commands)) throw badRequest(`${field} must be a list of commands`);
  for (const command of commands) {
    if (!Array.isArray(command)) throw badRequest(`${field}: invalid command ${JSON.stringify(command)}`);
    const [code, childId, vals] = command as [number, number, unknown];
    if (code === 0) applyValues(db, model, undefined, { ...(vals as object), [inverse]: parentId });
    else if (code === 1) {
      const child = db.browse(model, [childId])[0];
      if (child[inverse] !== parentId) throw badRequest(`${field}: record ${childId} does not belong to ${parentId}`);
      applyValues(db, model, childId, vals);
    } else if (code === 2) db.remove(model, childId);
    else throw badRequest(`${field}: unsupported command ${code}`);
  }
}
