import type { OdooDatabase } from '../orm/odoo-database';
import type { OdooRecord } from '../orm/odoo-model-spec';

/** A public model method (a button): runs on `records` inside the call's transaction. */
export type BusinessMethod = (db: OdooDatabase, records: OdooRecord[], params: Record<string, unknown>) => unknown;

/** Odoo datetimes are naive UTC strings: 'YYYY-MM-DD HH:MM:SS'. */
export function odooNow(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}
