import type { Plant } from '../../dataset/demo-dataset.types';
import type { OdooDatabase } from '../orm/odoo-database';

/** Ids of what the seeder created so far in one plant's database, by business code. */
export interface SeedContext {
  db: OdooDatabase;
  plant: Plant;
  uoms: Map<string, number>;
  /** item code → its "Box of N" unit. */
  boxUoms: Map<string, number>;
  products: Map<string, number>;
  locations: Map<string, number>;
  workCenters: Map<string, number>;
  partners: Map<string, number>;
  currencies: Map<string, number>;
  /** `${item}/${revision}` → mrp.bom id. */
  boms: Map<string, number>;
  lots: Map<string, number>;
}

/** Canonical unit code → the name of the unit in a stock Odoo database. */
export const ODOO_UOM_NAMES: Record<string, string> = { EA: 'Units', KG: 'kg', G: 'g', M: 'm', MM: 'mm', L: 'L' };

/** Midday UTC falls on the same calendar day in Detroit, Monterrey and Wrocław. */
export const odooDateTime = (date: string, time = '12:00:00') => `${date} ${time}`;

export function uomOf(ctx: SeedContext, unit: string, item: string): number {
  const id = unit === 'BOX' ? ctx.boxUoms.get(item) : ctx.uoms.get(unit);
  if (id === undefined) throw new Error(`seed: no Odoo unit for ${unit} of ${item} at ${ctx.plant.code}`);
  return id;
}

export function need(map: Map<string, number>, key: string, what: string, ctx: SeedContext): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`seed: ${what} ${key} is not in the ${ctx.plant.code} Odoo database`);
  return id;
}
