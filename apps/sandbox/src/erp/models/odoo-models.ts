import {
  boolean,
  char,
  date,
  datetime,
  float,
  integer,
  many2many,
  many2one,
  one2many,
  OdooModelSpec,
  selection,
  text,
} from '../orm/odoo-model-spec';
import { MRP_WORKORDER_MODELS } from './mrp-workorder.models';
import { quantBalanceKey } from './quant-balance-key';

/**
 * The part of an Odoo 19 database (mrp, stock, purchase installed) the Plantsync connector uses,
 * with Odoo's own model and field names. Fields starting with `x_` are the custom (Studio) fields
 * Plantsync adds: BOM status/effectivity, scrap factor and supplier acknowledgements have no native
 * Odoo field. See docs/connectors.md (odoo-json2).
 */
const byName = (r: Record<string, unknown>) => String(r.name ?? '');

const MODELS: OdooModelSpec[] = [
  {
    name: 'res.currency',
    fields: { name: char, symbol: char, active: boolean },
    display: byName,
  },
  {
    name: 'res.partner',
    fields: {
      name: char,
      ref: char,
      is_company: boolean,
      supplier_rank: integer,
      country_code: char,
      email: char,
      active: boolean,
    },
    display: byName,
  },
  {
    // Odoo 19 dropped UoM categories: a unit is defined relative to another (relative_uom_id).
    name: 'uom.uom',
    fields: { name: char, relative_factor: float, relative_uom_id: many2one('uom.uom'), rounding: float, active: boolean },
    display: byName,
  },
  {
    name: 'product.category',
    fields: { name: char, complete_name: char },
    display: (r) => String(r.complete_name ?? r.name),
  },
  { name: 'stock.route', fields: { name: char, active: boolean }, display: byName },
  {
    name: 'stock.location',
    fields: { name: char, complete_name: char, barcode: char, usage: selection, active: boolean },
    display: (r) => String(r.complete_name ?? r.name),
  },
  { name: 'mrp.workcenter', fields: { name: char, code: char, active: boolean }, display: byName },
  {
    name: 'product.product',
    fields: {
      default_code: char,
      name: char,
      type: selection,
      is_storable: boolean,
      tracking: selection,
      weight: float,
      uom_id: many2one('uom.uom'),
      // Odoo 19: packagings are extra units of the product (product.packaging is gone).
      uom_ids: many2many('uom.uom'),
      categ_id: many2one('product.category'),
      route_ids: many2many('stock.route'),
      produce_delay: integer,
      x_purchase_lead_days: integer,
      x_default_location_id: many2one('stock.location'),
      x_scrap_threshold_percent: float,
      active: boolean,
    },
    display: (r) => (r.default_code ? `[${String(r.default_code)}] ${String(r.name)}` : String(r.name)),
    order: 'default_code, id',
  },
  {
    name: 'mrp.bom',
    fields: {
      code: char,
      type: selection,
      product_tmpl_id: many2one('product.product'),
      product_id: many2one('product.product'),
      product_qty: float,
      product_uom_id: many2one('uom.uom'),
      bom_line_ids: one2many('mrp.bom.line', 'bom_id'),
      x_status: selection,
      x_effective_from: date,
      x_effective_to: date,
      active: boolean,
    },
    display: (r, displayOf) =>
      `${r.code ? `${String(r.code)}: ` : ''}${r.product_id ? displayOf('product.product', r.product_id as number) : ''}`,
    order: 'product_id, x_effective_from, id',
  },
  {
    name: 'mrp.bom.line',
    fields: {
      bom_id: many2one('mrp.bom'),
      product_id: many2one('product.product'),
      product_qty: float,
      product_uom_id: many2one('uom.uom'),
      sequence: integer,
      x_scrap_factor: float,
    },
    display: (r, displayOf) => (r.product_id ? displayOf('product.product', r.product_id as number) : ''),
    order: 'sequence, id',
  },
  {
    name: 'mrp.production',
    fields: {
      name: char,
      origin: char,
      product_id: many2one('product.product'),
      product_qty: float,
      product_uom_id: many2one('uom.uom'),
      qty_produced: float,
      state: selection,
      date_start: datetime,
      date_finished: datetime,
      bom_id: many2one('mrp.bom'),
      location_src_id: many2one('stock.location'),
      location_dest_id: many2one('stock.location'),
      x_workcenter_id: many2one('mrp.workcenter'),
    },
    display: byName,
    order: 'date_start, id',
  },
  {
    name: 'purchase.order',
    fields: {
      name: char,
      partner_id: many2one('res.partner'),
      partner_ref: char,
      state: selection,
      receipt_status: selection,
      date_order: datetime,
      date_planned: datetime,
      currency_id: many2one('res.currency'),
      order_line: one2many('purchase.order.line', 'order_id'),
      notes: text,
    },
    display: byName,
    order: 'date_order desc, id desc',
  },
  {
    name: 'purchase.order.line',
    fields: {
      order_id: many2one('purchase.order'),
      sequence: integer,
      name: text,
      product_id: many2one('product.product'),
      product_qty: float,
      product_uom_id: many2one('uom.uom'),
      price_unit: float,
      qty_received: float,
      date_planned: datetime,
      x_ack_status: selection,
      x_ack_date: date,
      x_ack_qty: float,
      x_ack_note: text,
      x_ack_datetime: datetime,
    },
    display: byName,
    order: 'order_id, sequence, id',
  },
  {
    name: 'stock.lot',
    fields: { name: char, product_id: many2one('product.product'), expiration_date: datetime, ref: char },
    display: byName,
  },
  {
    name: 'stock.quant',
    fields: {
      product_id: many2one('product.product'),
      location_id: many2one('stock.location'),
      lot_id: many2one('stock.lot'),
      quantity: float,
      // Plantsync's stock status of the quant (unrestricted, quality_inspection, blocked, in_transit);
      // Odoo itself has none, so the ERP connector reads this custom field (empty = unrestricted).
      x_stock_status: selection,
      // plantsync_bridge's stored, indexed balance key: the ERP connector pages quants by it.
      x_plantsync_balance_key: char,
    },
    display: (r, displayOf) => (r.product_id ? displayOf('product.product', r.product_id as number) : ''),
    computed: { x_plantsync_balance_key: quantBalanceKey },
    indexed: ['x_plantsync_balance_key'],
  },
  {
    name: 'stock.picking.type',
    fields: { name: char, code: selection, sequence_code: char },
    display: byName,
  },
  {
    name: 'stock.picking',
    fields: {
      name: char,
      origin: char,
      state: selection,
      picking_type_id: many2one('stock.picking.type'),
      location_id: many2one('stock.location'),
      location_dest_id: many2one('stock.location'),
      scheduled_date: datetime,
      date_done: datetime,
      move_ids: one2many('stock.move', 'picking_id'),
      // Plantsync's key of the posting, so a connector retry against real Odoo finds it again.
      x_plantsync_key: char,
      // Stock transport orders (picking type STO): the destination lives in another plant's database,
      // so it is named by Plantsync codes; goods movements name the STO they belong to by its number.
      x_dest_plant: char,
      x_dest_location: char,
      x_stock_transport: char,
    },
    display: byName,
    order: 'id desc',
  },
  {
    name: 'stock.move',
    fields: {
      picking_id: many2one('stock.picking'),
      reference: char,
      product_id: many2one('product.product'),
      product_uom_qty: float,
      quantity: float,
      product_uom: many2one('uom.uom'),
      location_id: many2one('stock.location'),
      location_dest_id: many2one('stock.location'),
      lot_ids: many2many('stock.lot'),
      state: selection,
      // When the move was done (Odoo's stock.move.date).
      date: datetime,
    },
    display: (r) => String(r.reference ?? ''),
  },
  {
    // What was actually moved, per lot: Odoo keeps the lot here (stored), stock.move.lot_ids is only
    // computed from these and cannot be searched. The ERP's movement history reads done move lines.
    name: 'stock.move.line',
    fields: {
      move_id: many2one('stock.move'),
      picking_id: many2one('stock.picking'),
      reference: char,
      product_id: many2one('product.product'),
      lot_id: many2one('stock.lot'),
      quantity: float,
      product_uom_id: many2one('uom.uom'),
      location_id: many2one('stock.location'),
      location_dest_id: many2one('stock.location'),
      state: selection,
      date: datetime,
    },
    display: (r) => String(r.reference ?? ''),
  },
  ...MRP_WORKORDER_MODELS,
];

export const ODOO_MODELS: ReadonlyMap<string, OdooModelSpec> = new Map(MODELS.map((m) => [m.name, m]));
