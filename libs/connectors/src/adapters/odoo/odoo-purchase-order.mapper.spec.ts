import { purchaseOrderStatus, toPurchaseOrder } from './odoo-purchase-order.mapper';
import type { OdooPurchaseLine, OdooPurchaseOrder } from './odoo-records';

const po: OdooPurchaseOrder = {
  id: 42,
  name: 'PO-P100-26-0001',
  partner_id: [3, 'Great Lakes Fasteners Inc.'],
  state: 'purchase',
  receipt_status: 'partial',
  date_order: '2026-10-15 09:00:00',
  currency_id: [1, 'USD'],
};

const line = (over: Partial<OdooPurchaseLine>): OdooPurchaseLine => ({
  id: 1,
  order_id: [42, 'PO-P100-26-0001'],
  sequence: 10,
  product_id: [9, '[BRKT-1042] Mounting bracket'],
  product_qty: 500,
  product_uom_id: [1, 'Units'],
  price_unit: 4.75,
  qty_received: 200,
  date_planned: '2026-11-20 12:00:00',
  x_ack_status: 'none',
  x_ack_date: false,
  x_ack_qty: 0,
  x_ack_note: false,
  x_ack_datetime: false,
  ...over,
});

const lookups = { productCode: (id: number) => ({ 9: 'BRKT-1042', 10: 'SCR-M6X20' })[id] ?? '?', supplierRef: () => 'SUP-1001' };

describe('purchase.order → PurchaseOrder', () => {
  it('maps header, lines by sequence, open quantity and price', () => {
    const mapped = toPurchaseOrder(
      po,
      [line({ id: 2, sequence: 20, product_id: [10, 'x'], product_qty: 4, product_uom_id: [8, 'Box of 200'], qty_received: 0 }), line({})],
      'P100',
      lookups,
    );
    expect(mapped).toMatchObject({ id: '42', number: 'PO-P100-26-0001', supplier: 'SUP-1001', plant: 'P100', status: 'partially_received', orderDate: '2026-10-15' });
    expect(mapped.lines[0]).toEqual({
      lineNumber: 10,
      item: 'BRKT-1042',
      quantity: { value: '500', unit: 'EA' },
      receivedQuantity: { value: '200', unit: 'EA' },
      openQuantity: { value: '300', unit: 'EA' },
      price: { amount: '4.75', currency: 'USD' },
      promisedDate: '2026-11-20',
      acknowledgement: { status: 'none' },
    });
    expect(mapped.lines[1]).toMatchObject({ lineNumber: 20, item: 'SCR-M6X20', quantity: { value: '4', unit: 'BOX' } });
  });

  it("reads the supplier's answer from the x_ack fields", () => {
    const answered = line({ x_ack_status: 'changed', x_ack_date: '2026-11-27', x_ack_qty: 450, x_ack_note: 'Tooling maintenance', x_ack_datetime: '2026-10-16 08:30:00' });
    expect(toPurchaseOrder(po, [answered], 'P100', lookups).lines[0].acknowledgement).toEqual({
      status: 'changed',
      proposedDate: '2026-11-27',
      proposedQuantity: { value: '450', unit: 'EA' },
      note: 'Tooling maintenance',
      acknowledgedAt: '2026-10-16T08:30:00Z',
    });
  });

  it('derives the status from state and receipt_status', () => {
    expect(purchaseOrderStatus({ state: 'to approve', receipt_status: false })).toBe('draft');
    expect(purchaseOrderStatus({ state: 'sent', receipt_status: false })).toBe('sent');
    expect(purchaseOrderStatus({ state: 'purchase', receipt_status: 'pending' })).toBe('confirmed');
    expect(purchaseOrderStatus({ state: 'done', receipt_status: 'full' })).toBe('received');
    expect(purchaseOrderStatus({ state: 'cancel', receipt_status: 'pending' })).toBe('cancelled');
  });
});
