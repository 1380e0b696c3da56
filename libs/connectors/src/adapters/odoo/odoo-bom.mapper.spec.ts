import { toBom } from './odoo-bom.mapper';
import type { OdooBom, OdooBomLine } from './odoo-records';

const codes: Record<number, string> = { 5: 'SA-3103', 20: 'STL-S355-5MM', 21: 'WLD-G3SI1' };

const revisionA: OdooBom = {
  id: 6,
  code: 'A',
  product_id: [5, '[SA-3103] Pump housing, welded and coated'],
  product_qty: 1,
  product_uom_id: [1, 'Units'],
  active: false,
  x_status: 'obsolete',
  x_effective_from: '2025-01-01',
  x_effective_to: '2026-02-28',
};

const lines: OdooBomLine[] = [
  { id: 28, bom_id: [6, 'A'], product_id: [21, '[WLD-G3SI1] Welding wire'], product_qty: 60, product_uom_id: [5, 'g'], sequence: 20, x_scrap_factor: 0.1 },
  { id: 27, bom_id: [6, 'A'], product_id: [20, '[STL-S355-5MM] Steel plate'], product_qty: 2.9, product_uom_id: [2, 'kg'], sequence: 10, x_scrap_factor: 0.08 },
  { id: 29, bom_id: [7, 'B'], product_id: [20, '[STL-S355-5MM] Steel plate'], product_qty: 2.4, product_uom_id: [2, 'kg'], sequence: 10, x_scrap_factor: 0.08 },
];

describe('mrp.bom → BillOfMaterials', () => {
  it('uses code as the revision and the x_ fields for status and effectivity', () => {
    const bom = toBom(revisionA, lines, (id) => codes[id], 'P200');
    expect(bom).toMatchObject({ id: '6', item: 'SA-3103', plant: 'P200', revision: 'A', status: 'obsolete', effectiveFrom: '2025-01-01' });
    expect(bom.baseQuantity).toEqual({ value: '1', unit: 'EA' });
  });

  it("turns Odoo's inclusive last day into the canonical exclusive end", () => {
    expect(toBom(revisionA, lines, (id) => codes[id], 'P200').effectiveTo).toBe('2026-03-01');
    expect(toBom({ ...revisionA, x_effective_to: false }, lines, (id) => codes[id], 'P200').effectiveTo).toBeUndefined();
  });

  it('keeps only its own lines, in sequence, with units and scrap as decimals', () => {
    expect(toBom(revisionA, lines, (id) => codes[id], 'P200').components).toEqual([
      { item: 'STL-S355-5MM', quantityPer: { value: '2.9', unit: 'KG' }, scrapFactor: '0.08' },
      { item: 'WLD-G3SI1', quantityPer: { value: '60', unit: 'G' }, scrapFactor: '0.1' },
    ]);
  });

  it('falls back to active/archived when a BOM has no x_status', () => {
    expect(toBom({ ...revisionA, x_status: false, active: true }, [], (id) => codes[id], 'P200').status).toBe('released');
    expect(toBom({ ...revisionA, x_status: false, active: false }, [], (id) => codes[id], 'P200').status).toBe('obsolete');
  });
});
