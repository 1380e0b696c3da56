import type { ItemUnitConversion, UnitOfMeasure } from './demo-dataset.types';

export const UNITS: UnitOfMeasure[] = [
  { code: 'EA', name: 'Each', dimension: 'count', referenceUnit: 'EA', factor: '1' },
  // BOX has no global factor: how many EA a box holds depends on the item (ITEM_UNIT_CONVERSIONS).
  { code: 'BOX', name: 'Box', dimension: 'count', referenceUnit: 'EA', factor: '0' },
  { code: 'KG', name: 'Kilogram', dimension: 'mass', referenceUnit: 'KG', factor: '1' },
  { code: 'G', name: 'Gram', dimension: 'mass', referenceUnit: 'KG', factor: '0.001' },
  { code: 'M', name: 'Metre', dimension: 'length', referenceUnit: 'M', factor: '1' },
  { code: 'MM', name: 'Millimetre', dimension: 'length', referenceUnit: 'M', factor: '0.001' },
  { code: 'L', name: 'Litre', dimension: 'volume', referenceUnit: 'L', factor: '1' },
];

/** Purchasing units that differ from the base unit: suppliers ship these items boxed. */
export const ITEM_UNIT_CONVERSIONS: ItemUnitConversion[] = [
  { item: 'BRKT-1042', from: 'BOX', to: 'EA', factor: '12' },
  { item: 'SCR-M6X20', from: 'BOX', to: 'EA', factor: '200' },
  { item: 'SCR-M8X30', from: 'BOX', to: 'EA', factor: '100' },
  { item: 'NUT-M6', from: 'BOX', to: 'EA', factor: '500' },
  { item: 'WSH-M6', from: 'BOX', to: 'EA', factor: '500' },
  { item: 'ORING-4022', from: 'BOX', to: 'EA', factor: '50' },
];
