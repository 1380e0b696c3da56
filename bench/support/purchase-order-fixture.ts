/**
 * Purchase orders for the GraphQL row: copies of one of SUP-1001's orders at P100 Detroit, created
 * through the sandbox's Odoo JSON-2 API the way the plant's buyers would, so a supplier has a
 * full page of 50 orders with their lines.
 */
type OdooRow = Record<string, unknown>;

const id = (v: unknown) => (Array.isArray(v) ? v[0] : v);

async function odoo(sandboxUrl: string, model: string, method: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${sandboxUrl}/plants/P100/erp/json/2/${model}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'bearer sandbox-demo-key' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`odoo ${model}.${method}: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function seedSupplierPurchaseOrders(sandboxUrl: string, supplierRef: string, count: number): Promise<void> {
  const [partner] = (await odoo(sandboxUrl, 'res.partner', 'search_read', { domain: [['ref', '=', supplierRef]], fields: ['id'] })) as OdooRow[];
  if (!partner) throw new Error(`no supplier ${supplierRef} in the P100 ERP`);
  const [template] = (await odoo(sandboxUrl, 'purchase.order', 'search_read', {
    domain: [['partner_id', '=', partner.id], ['state', '=', 'purchase']],
    fields: ['partner_id', 'state', 'receipt_status', 'date_order', 'date_planned', 'currency_id'],
    limit: 1,
  })) as OdooRow[];
  if (!template) throw new Error(`no confirmed purchase order of ${supplierRef} at P100 to copy`);
  const lines = (await odoo(sandboxUrl, 'purchase.order.line', 'search_read', {
    domain: [['order_id', '=', template.id]],
    fields: ['sequence', 'name', 'product_id', 'product_qty', 'product_uom_id', 'price_unit', 'qty_received', 'date_planned', 'x_ack_status'],
  })) as OdooRow[];
  const { id: _omit, ...order } = template;
  await odoo(sandboxUrl, 'purchase.order', 'create', {
    vals_list: Array.from({ length: count }, (_, n) => ({
      ...order,
      name: `PO-P100-B${String(n + 1).padStart(3, '0')}`,
      partner_id: id(order.partner_id),
      currency_id: id(order.currency_id),
      order_line: lines.map(({ id: _line, ...line }) => [
        0,
        0,
        { ...line, product_id: id(line.product_id), product_uom_id: id(line.product_uom_id) },
      ]),
    })),
  });
}
