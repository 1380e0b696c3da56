import { Quantity } from '../quantity/quantity';
import { convertQuantity, NoConversionError } from './unit-conversion';
import { UnitConversion } from './unit-of-measure';

const conversions: UnitConversion[] = [
  { fromUnit: 'KG', toUnit: 'G', factor: '1000' },
  { fromUnit: 'BOX', toUnit: 'EA', factor: '12', item: 'BRKT-1042' },
];

describe('convertQuantity', () => {
  it('converts forwards and backwards', () => {
    expect(convertQuantity(Quantity.of('2.5', 'KG'), 'G', conversions)).toEqual(
      Quantity.of('2500', 'G'),
    );
    expect(convertQuantity(Quantity.of('750', 'G'), 'KG', conversions)).toEqual(
      Quantity.of('0.75', 'KG'),
    );
  });

  it('uses item-specific conversions only for that item', () => {
    expect(convertQuantity(Quantity.of('3', 'BOX'), 'EA', conversions, 'BRKT-1042').value).toBe('36');
    expect(() => convertQuantity(Quantity.of('3', 'BOX'), 'EA', conversions, 'BRG-6204')).toThrow(
      NoConversionError,
    );
  });
});
