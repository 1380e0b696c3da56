import { convertQuantity, Quantity } from '@plantsync/canonical';
import type { OdooUom } from './odoo-records';
import { conversionsFromUoms, findUomId, unitCode } from './odoo-uom.mapper';

const uoms: OdooUom[] = [
  { id: 1, name: 'Units', relative_factor: 1, relative_uom_id: false },
  { id: 2, name: 'kg', relative_factor: 1, relative_uom_id: false },
  { id: 5, name: 'g', relative_factor: 0.001, relative_uom_id: [2, 'kg'] },
  { id: 7, name: 'Box of 12', relative_factor: 12, relative_uom_id: [1, 'Units'] },
  { id: 8, name: 'Box of 200', relative_factor: 200, relative_uom_id: [1, 'Units'] },
];

describe('Odoo units', () => {
  it('maps stock Odoo unit names to canonical codes', () => {
    expect(['Units', 'kg', 'g', 'mm', 'Box of 12'].map(unitCode)).toEqual(['EA', 'KG', 'G', 'MM', 'BOX']);
  });

  it("finds an item's own box size", () => {
    const bracket = { uom_id: [1, 'Units'] as [number, string], uom_ids: [7] };
    const screw = { uom_id: [1, 'Units'] as [number, string], uom_ids: [8] };
    expect(findUomId('BOX', uoms, bracket)).toBe(7);
    expect(findUomId('BOX', uoms, screw)).toBe(8);
    expect(findUomId('BOX', uoms)).toBeUndefined();
    expect(findUomId('G', uoms, bracket)).toBe(5);
    expect(findUomId('LB', uoms)).toBeUndefined();
  });

  it('turns relative units into conversions, boxes per item', () => {
    const conversions = conversionsFromUoms(uoms, [
      { default_code: 'BRKT-1042', uom_ids: [7] },
      { default_code: 'SCR-M6X20', uom_ids: [8] },
    ]);
    expect(conversions).toEqual([
      { fromUnit: 'G', toUnit: 'KG', factor: '0.001' },
      { fromUnit: 'BOX', toUnit: 'EA', factor: '12', item: 'BRKT-1042' },
      { fromUnit: 'BOX', toUnit: 'EA', factor: '200', item: 'SCR-M6X20' },
    ]);
    expect(convertQuantity(Quantity.of('15', 'G'), 'KG', conversions).value).toBe('0.015');
    expect(convertQuantity(Quantity.of('2', 'BOX'), 'EA', conversions, 'SCR-M6X20').value).toBe('400');
  });
});
