import { Quantity } from '@plantsync/canonical';
import { missingLocations, pickingVals, toInventoryMovement } from './odoo-goods-movement.mapper';

const receipt = {
  type: 'goods_receipt' as const,
  item: 'BRG-6204',
  quantity: Quantity.of('120', 'EA'),
  lot: 'L-P100-261102-01',
  toLocation: 'P100-QI',
  reference: 'PO-P100-26-0004/10',
};

describe('goods movements as stock.picking', () => {
  it('requires the locations each movement type needs', () => {
    expect(missingLocations({ type: 'goods_issue' })).toEqual(['fromLocation']);
    expect(missingLocations({ type: 'goods_receipt' })).toEqual(['toLocation']);
    expect(missingLocations({ type: 'transfer_posting', fromLocation: 'P100-QI' })).toEqual(['toLocation']);
    expect(missingLocations({ type: 'transfer_posting', fromLocation: 'P100-QI', toLocation: 'P100-RM' })).toEqual([]);
  });

  it('creates one transfer with one move carrying the lot and the caller key', () => {
    const vals = pickingVals(receipt, { pickingTypeId: 1, productId: 30, uomId: 1, sourceId: 8, destinationId: 5, lotId: 77 }, 'erp-api:k1');
    expect(vals).toEqual({
      picking_type_id: 1,
      location_id: 8,
      location_dest_id: 5,
      origin: 'PO-P100-26-0004/10',
      x_plantsync_key: 'erp-api:k1',
      move_ids: [
        [0, 0, { product_id: 30, product_uom_qty: 120, product_uom: 1, location_id: 8, location_dest_id: 5, lot_ids: [[6, 0, [77]]] }],
      ],
    });
  });

  it('reports the posted movement with the time Odoo validated it', () => {
    const movement = toInventoryMovement(
      { id: 9, name: 'P100/IN/00009', state: 'done', origin: 'PO-P100-26-0004/10', date_done: '2026-11-02 14:05:00', x_plantsync_key: false },
      receipt,
      'P100',
    );
    expect(movement).toEqual({
      id: '9',
      plant: 'P100',
      type: 'goods_receipt',
      item: 'BRG-6204',
      quantity: { value: '120', unit: 'EA' },
      lot: 'L-P100-261102-01',
      toLocation: 'P100-QI',
      reference: 'PO-P100-26-0004/10',
      postedAt: '2026-11-02T14:05:00Z',
    });
  });
});
