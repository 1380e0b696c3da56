import { Quantity } from '@plantsync/canonical';
import { pickingVals, toInventoryMovement } from './odoo-goods-movement.mapper';
import { toStockTransport, transportStatus, transportVals } from './odoo-stock-transport.mapper';

const input = {
  item: 'BRG-6205',
  quantity: Quantity.of('40', 'EA'),
  lot: 'L-P100-260915-02',
  fromLocation: 'P100-RM',
  toPlant: 'P300',
  toLocation: 'P300-RM',
  reference: 'TRF-7d1e',
};

const picking = {
  id: 214,
  name: 'P100/STO/00214',
  state: 'confirmed',
  origin: 'TRF-7d1e',
  scheduled_date: '2026-11-22 08:00:00',
  date_done: false as const,
  picking_type_id: [9, 'Inter-plant Transfers'] as [number, string],
  location_id: [4, 'WH/Raw materials'] as [number, string],
  x_plantsync_key: 'erp-api:k7',
  x_dest_plant: 'P300',
  x_dest_location: 'P300-RM',
};

describe('stock transport orders as stock.picking (STO picking type)', () => {
  it('creates one picking from the source location to the transit location, naming the destination plant and location', () => {
    const vals = transportVals(input, { pickingTypeId: 9, productId: 30, uomId: 1, sourceId: 4, transitId: 7, lotId: 77 }, 'erp-api:k7');
    expect(vals).toMatchObject({
      picking_type_id: 9,
      location_id: 4,
      location_dest_id: 7,
      origin: 'TRF-7d1e',
      x_plantsync_key: 'erp-api:k7',
      x_dest_plant: 'P300',
      x_dest_location: 'P300-RM',
      move_ids: [[0, 0, { product_id: 30, product_uom_qty: 40, product_uom: 1, location_id: 4, location_dest_id: 7, lot_ids: [[6, 0, [77]]] }]],
    });
    expect(vals.scheduled_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('maps Odoo states: waiting/ready are open, done is shipped (closed by its goods issue), cancel is cancelled', () => {
    expect(['draft', 'confirmed', 'waiting', 'assigned'].map(transportStatus)).toEqual(['open', 'open', 'open', 'open']);
    expect(transportStatus('done')).toBe('shipped');
    expect(transportStatus('cancel')).toBe('cancelled');
  });

  it('reads back as the canonical StockTransport', () => {
    const line = { item: 'BRG-6205', quantity: 40, unit: 'EA', lot: 'L-P100-260915-02', fromLocation: 'P100-RM' };
    expect(toStockTransport(picking, line, 'P100')).toEqual({
      id: '214',
      number: 'P100/STO/00214',
      plant: 'P100',
      toPlant: 'P300',
      item: 'BRG-6205',
      quantity: { value: '40', unit: 'EA' },
      lot: 'L-P100-260915-02',
      fromLocation: 'P100-RM',
      toLocation: 'P300-RM',
      status: 'open',
      reference: 'TRF-7d1e',
      createdAt: '2026-11-22T08:00:00Z',
    });
    const shipped = toStockTransport({ ...picking, state: 'done', date_done: '2026-11-23 10:30:00' }, line, 'P100');
    expect(shipped).toMatchObject({ status: 'shipped', shippedAt: '2026-11-23T10:30:00Z' });
  });

  it('goods movements name their STO by number (x_stock_transport) and report it back; others do not write the field', () => {
    const issue = { type: 'goods_issue' as const, item: 'BRG-6205', quantity: Quantity.of('40', 'EA'), fromLocation: 'P100-RM', reference: 'TRF-7d1e' };
    const ids = { pickingTypeId: 2, productId: 30, uomId: 1, sourceId: 4, destinationId: 6 };
    expect(pickingVals({ ...issue, stockTransport: 'P100/STO/00214' }, ids, 'k')).toMatchObject({ x_stock_transport: 'P100/STO/00214' });
    expect(pickingVals(issue, ids, 'k')).not.toHaveProperty('x_stock_transport');
    const posted = { id: 215, name: 'P100/OUT/00215', state: 'done', origin: 'TRF-7d1e', date_done: '2026-11-23 10:30:00', x_plantsync_key: 'k' };
    expect(toInventoryMovement(posted, { ...issue, stockTransport: 'P100/STO/00214' }, 'P100').stockTransport).toBe('P100/STO/00214');
  });
});
