import { decimal, formatDecimal } from './decimal';
import { Quantity } from './quantity';
import {
  addQuantity,
  compareQuantity,
  multiplyQuantity,
  subtractQuantity,
  UnitMismatchError,
} from './quantity.math';

describe('quantity arithmetic', () => {
  it('adds without binary-float drift', () => {
    const sum = addQuantity(Quantity.of('0.1', 'KG'), Quantity.of('0.2', 'KG'));
    expect(sum).toEqual(Quantity.of('0.3', 'KG'));
  });

  it('multiplies order quantity by quantity-per and scrap exactly', () => {
    const required = multiplyQuantity(Quantity.of('250', 'EA'), decimal('4').times('1.02'));
    expect(required.value).toBe('1020');
  });

  it('refuses to combine different units', () => {
    expect(() => subtractQuantity(Quantity.of('1', 'KG'), Quantity.of('1', 'G'))).toThrow(
      UnitMismatchError,
    );
  });

  it('compares and normalises trailing zeros', () => {
    expect(compareQuantity(Quantity.of('2.50', 'M'), Quantity.of('2.5', 'M'))).toBe(0);
    expect(formatDecimal(decimal('3.000'))).toBe('3');
  });

  it('rejects non-decimal strings', () => {
    expect(() => decimal('1e5')).toThrow(RangeError);
    expect(() => decimal('NaN')).toThrow(RangeError);
  });
});
