import { movementKind, toGoodsMovementRecord, type HistoryLookups, type OdooDoneMoveLine } from './odoo-movement-history.mapper';

const LOCATIONS: Record<number, { code: string; usage: string }> = {
  1: { code: 'P100-RM', usage: 'internal' },
  2: { code: 'P100-LINE1', usage: 'internal' },
  7: { code: 'Partners/Vendors', usage: 'supplier' },
  8: { code: 'Virtual Locations/Production', usage: 'production' },
};

const lookups = (picking?: Partial<ReturnType<HistoryLookups['picking']>>): HistoryLookups => ({
  location: (id) => (id === undefined ? undefined : LOCATIONS[id]),
  productCode: (id) => (id === 40 ? 'BRG-6204' : undefined),
  unitCode: () => 'EA',
  picking: (id) => (id === 55 && picking ? { id: 55, name: 'P100/OUT/00055', origin: false, date_done: false, x_plantsync_key: false, ...picking } : undefined),
});

const move = (over: Partial<OdooDoneMoveLine> = {}): OdooDoneMoveLine => ({
  id: 301,
  picking_id: [55, 'P100/OUT/00055'],
  reference: 'P100/OUT/00055',
  product_id: [40, '[BRG-6204] Ball bearing'],
  quantity: 2,
  product_uom_id: [1, 'Units'],
  location_id: [1, 'P100-RM'],
  location_dest_id: [8, 'Production'],
  lot_id: [9, 'L100-260918-07'],
  date: '2026-11-22 08:15:00',
  ...over,
});

describe('odoo movement history mapping', () => {
  it('tells the kind from where stock comes from and goes to', () => {
    expect(movementKind('supplier', 'internal')).toBe('goods_receipt');
    expect(movementKind('production', 'internal')).toBe('goods_receipt');
    expect(movementKind('internal', 'production')).toBe('goods_issue');
    expect(movementKind('internal', 'transit')).toBe('transfer_posting');
  });

  it('maps a done issue with the key production-sync posted it under', () => {
    const record = toGoodsMovementRecord(
      move(),
      'P100',
      lookups({ origin: 'MO-P100-0001', x_plantsync_key: 'erp-api:svc-production-sync:production-sync/P100/m-1/erp-issue-1-BRG-6204' }),
    );
    expect(record).toEqual({
      id: '301',
      plant: 'P100',
      type: 'goods_issue',
      item: 'BRG-6204',
      quantity: { value: '2', unit: 'EA' },
      lot: 'L100-260918-07',
      fromLocation: 'P100-RM',
      reference: 'MO-P100-0001',
      postedAt: '2026-11-22T08:15:00Z',
      postingKey: 'production-sync/P100/m-1/erp-issue-1-BRG-6204',
      postedBy: 'svc-production-sync',
      origin: 'production-sync',
    });
  });

  it('maps a transfer posted outside Plantsync without key or origin', () => {
    const record = toGoodsMovementRecord(move({ location_dest_id: [2, 'P100-LINE1'], lot_id: false, picking_id: false }), 'P100', lookups());
    expect(record).toMatchObject({ type: 'transfer_posting', fromLocation: 'P100-RM', toLocation: 'P100-LINE1', reference: 'P100/OUT/00055' });
    expect(record).not.toHaveProperty('postingKey');
    expect(record).not.toHaveProperty('origin');
    expect(record).not.toHaveProperty('lot');
  });
});
