import type { AcknowledgementStatus, DemoDataset, ProductionOrderStatus } from '../../dataset/demo-dataset.types';
import { need, odooDateTime, SeedContext, uomOf } from './seed-context';

/** Canonical production order status → mrp.production state (docs/connectors.md). */
const MO_STATE: Record<ProductionOrderStatus, string> = {
  planned: 'draft',
  released: 'confirmed',
  in_progress: 'progress',
  completed: 'to_close',
  closed: 'done',
  cancelled: 'cancel',
};

const ACK_STATUS: Record<AcknowledgementStatus, string> = {
  none: 'none',
  accepted: 'accepted',
  accepted_with_changes: 'changed',
  rejected: 'rejected',
};

export function seedProductionOrders(ctx: SeedContext, data: DemoDataset): void {
  const { db, plant } = ctx;
  for (const order of data.productionOrders.filter((o) => o.plant === plant.code)) {
    const wc = plant.workCenters.find((w) => w.code === order.workCenter);
    db.insert('mrp.production', {
      name: order.number,
      origin: false,
      product_id: need(ctx.products, order.item, 'product', ctx),
      product_qty: Number(order.quantity),
      product_uom_id: uomOf(ctx, order.unit, order.item),
      qty_produced: Number(order.completedQuantity),
      state: MO_STATE[order.status],
      date_start: odooDateTime(order.plannedStart),
      date_finished: odooDateTime(order.plannedEnd),
      bom_id: ctx.boms.get(`${order.item}/${order.bomRevision}`) ?? false,
      location_src_id: (wc && ctx.locations.get(wc.supplyLocation)) ?? false,
      location_dest_id: ctx.locations.get(order.outputLocation) ?? false,
      x_workcenter_id: ctx.workCenters.get(order.workCenter) ?? false,
    });
  }
}

export function seedPurchaseOrders(ctx: SeedContext, data: DemoDataset): void {
  const { db, plant } = ctx;
  for (const po of data.purchaseOrders.filter((p) => p.plant === plant.code)) {
    const ordered = po.lines.reduce((s, l) => s + Number(l.quantity), 0);
    const received = po.lines.reduce((s, l) => s + Number(l.receivedQuantity), 0);
    const order = db.insert('purchase.order', {
      name: po.number,
      partner_id: need(ctx.partners, po.supplier, 'supplier', ctx),
      partner_ref: false,
      state: 'purchase',
      receipt_status: received === 0 ? 'pending' : received >= ordered ? 'full' : 'partial',
      date_order: odooDateTime(po.orderDate, '09:00:00'),
      date_planned: odooDateTime([...po.lines].map((l) => l.promisedDate).sort()[0] ?? po.orderDate),
      currency_id: ctx.currencies.get(po.currency) ?? false,
      notes: false,
    });
    for (const line of po.lines) {
      const productId = need(ctx.products, line.item, 'product', ctx);
      db.insert('purchase.order.line', {
        order_id: order.id,
        sequence: line.lineNo,
        name: db.displayName('product.product', productId),
        product_id: productId,
        product_qty: Number(line.quantity),
        product_uom_id: uomOf(ctx, line.unit, line.item),
        price_unit: Number(line.unitPrice),
        qty_received: Number(line.receivedQuantity),
        date_planned: odooDateTime(line.promisedDate),
        x_ack_status: ACK_STATUS[po.acknowledgement],
        x_ack_date: false,
        x_ack_qty: 0,
        x_ack_note: false,
        x_ack_datetime: po.acknowledgement === 'none' ? false : odooDateTime(po.orderDate, '15:00:00'),
      });
    }
  }
}
