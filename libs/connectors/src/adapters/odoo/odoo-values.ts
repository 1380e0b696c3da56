import { DecimalMath, formatDecimal } from '@plantsync/canonical';
import type { Many2one, OdooChar } from './odoo-records';

/**
 * Odoo Float fields travel as JSON numbers. Twelve fraction digits drop binary noise
 * (0.30000000000000004 → "0.3") while keeping every digit a unit of measure can hold.
 */
export function floatToDecimal(value: number | false | null | undefined): string {
  if (value === false || value === null || value === undefined) return '0';
  return formatDecimal(new DecimalMath(value.toString()).toDecimalPlaces(12));
}

/** A canonical decimal string as the JSON number an Odoo Float field takes. */
export function decimalToFloat(value: string): number {
  return Number(value);
}

export function many2oneId(value: Many2one): number | undefined {
  return value === false ? undefined : value[0];
}

export function many2oneName(value: Many2one): string | undefined {
  return value === false ? undefined : value[1];
}

export function charOrUndefined(value: OdooChar | null | undefined): string | undefined {
  return value === false || value === null || value === undefined || value === '' ? undefined : value;
}

/** Odoo datetimes are naive UTC 'YYYY-MM-DD HH:MM:SS'; canonical ones are ISO 8601 with Z. */
export function odooDateTimeToIso(value: OdooChar): string | undefined {
  const v = charOrUndefined(value);
  return v ? `${v.replace(' ', 'T')}Z` : undefined;
}

/** ISO date or date-time (any offset) → Odoo's naive UTC datetime string. */
export function isoToOdooDateTime(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO date or date-time: "${value}"`);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** 'YYYY-MM-DD' + days, for Odoo's inclusive end dates (canonical ends are exclusive). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
