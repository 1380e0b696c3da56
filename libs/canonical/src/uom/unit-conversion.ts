import { decimal, formatDecimal } from '../quantity/decimal';
import { Quantity } from '../quantity/quantity';
import { UnitConversion } from './unit-of-measure';

export class NoConversionError extends Error {
  constructor(
    readonly fromUnit: string,
    readonly toUnit: string,
    readonly item?: string,
  ) {
    super(`no conversion from ${fromUnit} to ${toUnit}${item ? ` for item ${item}` : ''}`);
  }
}

/**
 * Converts a quantity to another unit. Item-specific conversions win over global ones;
 * a conversion is usable in both directions.
 */
export function convertQuantity(
  quantity: Quantity,
  toUnit: string,
  conversions: readonly UnitConversion[],
  item?: string,
): Quantity {
  if (quantity.unit === toUnit) return quantity;
  const candidates = [
    ...conversions.filter((c) => item && c.item === item),
    ...conversions.filter((c) => !c.item),
  ];
  for (const c of candidates) {
    if (c.fromUnit === quantity.unit && c.toUnit === toUnit) {
      return Quantity.of(formatDecimal(decimal(quantity.value).times(c.factor)), toUnit);
    }
    if (c.toUnit === quantity.unit && c.fromUnit === toUnit) {
      return Quantity.of(formatDecimal(decimal(quantity.value).dividedBy(c.factor)), toUnit);
    }
  }
  throw new NoConversionError(quantity.unit, toUnit, item);
}
