import { decimal, DecimalValue, formatDecimal } from './decimal';
import { Quantity } from './quantity';

export class UnitMismatchError extends Error {
  constructor(
    readonly left: string,
    readonly right: string,
  ) {
    super(`cannot combine quantities in ${left} and ${right} without a conversion`);
  }
}

function sameUnit(a: Quantity, b: Quantity): void {
  if (a.unit !== b.unit) throw new UnitMismatchError(a.unit, b.unit);
}

function make(value: DecimalValue, unit: string): Quantity {
  return Quantity.of(formatDecimal(value), unit);
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  sameUnit(a, b);
  return make(decimal(a.value).plus(b.value), a.unit);
}

export function subtractQuantity(a: Quantity, b: Quantity): Quantity {
  sameUnit(a, b);
  return make(decimal(a.value).minus(b.value), a.unit);
}

export function multiplyQuantity(q: Quantity, factor: string | DecimalValue): Quantity {
  return make(decimal(q.value).times(factor), q.unit);
}

export function compareQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  sameUnit(a, b);
  return decimal(a.value).comparedTo(b.value) as -1 | 0 | 1;
}

export function sumQuantities(items: Quantity[], unit: string): Quantity {
  return items.reduce((acc, q) => addQuantity(acc, q), Quantity.of('0', unit));
}

export function zero(unit: string): Quantity {
  return Quantity.of('0', unit);
}

export function maxZero(q: Quantity): Quantity {
  return decimal(q.value).isNegative() ? zero(q.unit) : q;
}
