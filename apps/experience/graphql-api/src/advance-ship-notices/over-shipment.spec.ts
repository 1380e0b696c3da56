import { overShipments, toleranceFor, type OpenLine, type ShippedLine } from './over-shipment';

const open: Record<string, OpenLine> = {
  'PO-P100-0001/10': { open: { value: '15', unit: 'BOX' }, inTransit: '0' },
  'PO-P100-0001/30': { open: { value: '2000', unit: 'EA' }, inTransit: '1500' },
};
const openOf = (po: string, line: number) => open[`${po}/${line}`];
const line = (lineNumber: number, value: string, unit = 'BOX', i = 0): ShippedLine => ({
  fields: [`packages[0].lines[${i}]`],
  purchaseOrder: 'PO-P100-0001',
  lineNumber,
  shipped: { value, unit },
});

describe('over-shipment check of an advance ship notice', () => {
  it('accepts up to the open quantity plus the tolerance and rejects beyond it, line by line', () => {
    expect(overShipments([line(10, '15.75')], openOf, 5)).toEqual([]);
    const rejected = overShipments([line(10, '15.76', 'BOX', 0), line(30, '400', 'EA', 1), line(30, '600', 'EA', 2)], openOf, 5);
    expect(rejected.map((r) => r.field)).toEqual(['packages[0].lines[0].quantity', 'packages[0].lines[2].quantity']);
    expect(rejected[0].message).toContain('15 BOX still expected, 5% over-shipment tolerance allows 15.75 BOX');
  });

  it('counts what earlier notices already announced, refuses another unit and unknown lines', () => {
    expect(overShipments([line(30, '501', 'EA')], openOf, 0)).toHaveLength(1);
    expect(overShipments([line(10, '1', 'EA')], openOf, 0)[0].message).toContain('ordered in BOX');
    expect(overShipments([line(99, '1')], openOf, 0)[0].message).toContain('no open line 99');
  });

  it('reads the tolerance per supplier, else the default', () => {
    expect(toleranceFor('SUP-1001', 0, 'SUP-1001=5, SUP-1002=2.5')).toBe(5);
    expect(toleranceFor('SUP-1002', 0, 'SUP-1001=5,SUP-1002=2.5')).toBe(2.5);
    expect(toleranceFor('SUP-1004', 1, 'SUP-1001=5')).toBe(1);
  });
});
