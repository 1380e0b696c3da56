import Decimal from 'decimal.js';

/**
 * Postings never use binary floats (docs/adr/0001-decimal-quantities.md): quantities travel as
 * decimal strings and all arithmetic goes through decimal.js with 34 significant digits
 * (IEEE 754 decimal128 precision), enough for any plant quantity or price.
 */
export const DecimalMath = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });
export type DecimalValue = InstanceType<typeof DecimalMath>;

/** Plain decimal notation: optional sign, digits, optional fraction. No exponent, no NaN. */
export const DECIMAL_PATTERN = /^-?\d{1,18}(\.\d{1,12})?$/;

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

export function decimal(value: string | number | DecimalValue): DecimalValue {
  if (typeof value === 'number') {
    // Numbers only come from integer-like sources (counts, Odoo ids); reject anything lossy.
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return new DecimalMath(value.toString());
  }
  if (typeof value === 'string' && !isDecimalString(value)) {
    throw new RangeError(`not a decimal string: "${value}"`);
  }
  return new DecimalMath(value);
}

/** Canonical string form: no exponent, no trailing zeros ("12.50" → "12.5", "3.000" → "3"). */
export function formatDecimal(value: DecimalValue): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed === '-0' ? '0' : fixed;
}
