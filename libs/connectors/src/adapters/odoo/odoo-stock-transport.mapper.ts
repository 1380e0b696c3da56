import type { CreateStockTransportInput, StockTransport, StockTransportStatus } from '@plantsync/canonical';
import type { Many2one, OdooChar } from './odoo-records';
import { charOrUndefined, decimalToFloat, floatToDecimal, isoToOdooDateTime, odooDateTimeToIso } from './odoo-values';

/** The picking type (by `sequence_code`) that marks a stock.picking as a stock transport order. */
export const STO_SEQUENCE_CODE = 'STO';

export interface OdooTransportPicking {
  id: number;
  name: string;
  state: string;
  origin: OdooChar;
  scheduled_date: OdooChar;
  date_done: OdooChar;
  picking_type_id: Many2one;
  location_id: Many2one;
  x_plantsync_key: OdooChar;
  x_dest_plant: OdooChar;
  x_dest_location: OdooChar;
}

export const TRANSPORT_FIELDS = [
  'name',
  'state',
  'origin',
  'scheduled_date',
  'date_done',
  'picking_type_id',
  'location_id',
  'x_plantsync_key',
  'x_dest_plant',
  'x_dest_location',
];

export interface OdooTransportMove {
  id: number;
  picking_id: Many2one;
  product_id: Many2one;
  product_uom_qty: number;
  product_uom: Many2one;
  location_id: Many2one;
  lot_ids: number[];
}

export const TRANSPORT_MOVE_FIELDS = ['picking_id', 'product_id', 'product_uom_qty', 'product_uom', 'location_id', 'lot_ids'];

/** Odoo picking state → canonical: done means the goods issue closed it (plantsync_close_transport). */
export function transportStatus(state: string): StockTransportStatus {
  if (state === 'done') return 'shipped';
  if (state === 'cancel') return 'cancelled';
  return 'open';
}

export interface TransportIds {
  pickingTypeId: number;
  productId: number;
  uomId: number;
  sourceId: number;
  transitId: number;
  lotId?: number;
}

/**
 * `stock.picking.create` values of a transport order: the source location to this plant's transit
 * location (the first leg of Odoo's inter-warehouse resupply); the destination plant and location
 * live in another database and are kept as Plantsync codes.
 */
export function transportVals(input: CreateStockTransportInput, ids: TransportIds, key: string | undefined): Record<string, unknown> {
  return {
    picking_type_id: ids.pickingTypeId,
    location_id: ids.sourceId,
    location_dest_id: ids.transitId,
    origin: input.reference,
    // Odoo's default is "now" too; sent so the creation time is the caller's view of it.
    scheduled_date: isoToOdooDateTime(new Date().toISOString()),
    x_plantsync_key: key ?? false,
    x_dest_plant: input.toPlant,
    x_dest_location: input.toLocation,
    move_ids: [
      [
        0,
        0,
        {
          product_id: ids.productId,
          product_uom_qty: decimalToFloat(input.quantity.value),
          product_uom: ids.uomId,
          location_id: ids.sourceId,
          location_dest_id: ids.transitId,
          ...(ids.lotId !== undefined ? { lot_ids: [[6, 0, [ids.lotId]]] } : {}),
        },
      ],
    ],
  };
}

/** What the mapping needs besides the picking: its move, resolved to codes. */
export interface TransportLine {
  item: string;
  quantity: number;
  unit: string;
  lot?: string;
  fromLocation: string;
}

export function toStockTransport(picking: OdooTransportPicking, line: TransportLine, plant: string): StockTransport {
  const status = transportStatus(picking.state);
  const transport: StockTransport = {
    id: String(picking.id),
    number: picking.name,
    plant,
    toPlant: charOrUndefined(picking.x_dest_plant) ?? '',
    item: line.item,
    quantity: { value: floatToDecimal(line.quantity), unit: line.unit },
    fromLocation: line.fromLocation,
    toLocation: charOrUndefined(picking.x_dest_location) ?? '',
    status,
    createdAt: odooDateTimeToIso(picking.scheduled_date) ?? new Date(0).toISOString(),
  };
  if (line.lot) transport.lot = line.lot;
  const reference = charOrUndefined(picking.origin);
  if (reference) transport.reference = reference;
  const shippedAt = status === 'shipped' ? odooDateTimeToIso(picking.date_done) : undefined;
  if (shippedAt) transport.shippedAt = shippedAt;
  return transport;
}
