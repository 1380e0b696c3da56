/** Shapes of the Odoo 19 records the connector reads over JSON-2 (only the fields it asks for). */

/** How `read`/`search_read` return a many2one: `[id, display_name]`, or false when empty. */
export type Many2one = [number, string] | false;
/** Odoo sends empty char/date fields as false. */
export type OdooChar = string | false;

export type OdooDomain = Array<[string, string, unknown] | '&' | '|' | '!'>;

export interface OdooUom {
  id: number;
  name: string;
  relative_factor: number;
  relative_uom_id: Many2one;
}

export interface OdooProduct {
  id: number;
  default_code: OdooChar;
  name: string;
  uom_id: Many2one;
  uom_ids: number[];
  categ_id: Many2one;
  route_ids: number[];
  tracking: 'none' | 'lot' | 'serial';
  weight: number;
  produce_delay: number;
  x_purchase_lead_days: number;
  x_default_location_id: Many2one;
  x_scrap_threshold_percent: number;
}
export const PRODUCT_FIELDS = [
  'default_code',
  'name',
  'uom_id',
  'uom_ids',
  'categ_id',
  'route_ids',
  'tracking',
  'weight',
  'produce_delay',
  'x_purchase_lead_days',
  'x_default_location_id',
  'x_scrap_threshold_percent',
];

export interface OdooBom {
  id: number;
  code: OdooChar;
  product_id: Many2one;
  product_qty: number;
  product_uom_id: Many2one;
  active: boolean;
  x_status: OdooChar;
  x_effective_from: OdooChar;
  x_effective_to: OdooChar;
}
export const BOM_FIELDS = ['code', 'product_id', 'product_qty', 'product_uom_id', 'active', 'x_status', 'x_effective_from', 'x_effective_to'];

export interface OdooBomLine {
  id: number;
  bom_id: Many2one;
  product_id: Many2one;
  product_qty: number;
  product_uom_id: Many2one;
  sequence: number;
  x_scrap_factor: number;
}
export const BOM_LINE_FIELDS = ['bom_id', 'product_id', 'product_qty', 'product_uom_id', 'sequence', 'x_scrap_factor'];

export type OdooProductionState = 'draft' | 'confirmed' | 'progress' | 'to_close' | 'done' | 'cancel';

export interface OdooProduction {
  id: number;
  name: string;
  product_id: Many2one;
  product_qty: number;
  product_uom_id: Many2one;
  qty_produced: number;
  state: OdooProductionState;
  date_start: OdooChar;
  date_finished: OdooChar;
  bom_id: Many2one;
  x_workcenter_id: Many2one;
}
export const PRODUCTION_FIELDS = [
  'name',
  'product_id',
  'product_qty',
  'product_uom_id',
  'qty_produced',
  'state',
  'date_start',
  'date_finished',
  'bom_id',
  'x_workcenter_id',
];

export type OdooPurchaseState = 'draft' | 'sent' | 'to approve' | 'purchase' | 'done' | 'cancel';

export interface OdooPurchaseOrder {
  id: number;
  name: string;
  partner_id: Many2one;
  state: OdooPurchaseState;
  receipt_status: 'pending' | 'partial' | 'full' | false;
  date_order: OdooChar;
  currency_id: Many2one;
}
export const PURCHASE_ORDER_FIELDS = ['name', 'partner_id', 'state', 'receipt_status', 'date_order', 'currency_id'];

export interface OdooPurchaseLine {
  id: number;
  order_id: Many2one;
  sequence: number;
  product_id: Many2one;
  product_qty: number;
  product_uom_id: Many2one;
  price_unit: number;
  qty_received: number;
  date_planned: OdooChar;
  x_ack_status: OdooChar;
  x_ack_date: OdooChar;
  x_ack_qty: number;
  x_ack_note: OdooChar;
  x_ack_datetime: OdooChar;
}
export const PURCHASE_LINE_FIELDS = [
  'order_id',
  'sequence',
  'product_id',
  'product_qty',
  'product_uom_id',
  'price_unit',
  'qty_received',
  'date_planned',
  'x_ack_status',
  'x_ack_date',
  'x_ack_qty',
  'x_ack_note',
  'x_ack_datetime',
];

export interface OdooPartner {
  id: number;
  name: string;
  ref: OdooChar;
  country_code: OdooChar;
}

export interface OdooLocation {
  id: number;
  name: string;
  complete_name: string;
  barcode: OdooChar;
  usage: string;
}

export interface OdooPicking {
  id: number;
  name: string;
  state: string;
  origin: OdooChar;
  date_done: OdooChar;
  x_plantsync_key: OdooChar;
}
