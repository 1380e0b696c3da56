import type { GoodsMovementInput, InventoryMovement, MovementType } from '@plantsync/canonical';
import type { OdooPicking } from './odoo-records';
import { charOrUndefined, decimalToFloat, odooDateTimeToIso } from './odoo-values';

/** Which stock.picking.type (by `code`) carries each movement type. */
export const PICKING_TYPE_CODE: Record<MovementType, 'incoming' | 'outgoing' | 'internal'> = {
  goods_receipt: 'incoming',
  goods_issue: 'outgoing',
  transfer_posting: 'internal',
};

/** The locations each movement type needs: an issue leaves a location, a receipt enters one, a transfer does both. */
export function missingLocations(input: Pick<GoodsMovementInput, 'type' | 'fromLocation' | 'toLocation'>): Array<'fromLocation' | 'toLocation'> {
  const missing: Array<'fromLocation' | 'toLocation'> = [];
  if (input.type !== 'goods_receipt' && !input.fromLocation) missing.push('fromLocation');
  if (input.type !== 'goods_issue' && !input.toLocation) missing.push('toLocation');
  return missing;
}

export interface PickingIds {
  pickingTypeId: number;
  productId: number;
  uomId: number;
  sourceId: number;
  destinationId: number;
  lotId?: number;
}

/**
 * `stock.picking.create` values: one transfer with one move, created and validated in two calls
 * (Odoo has no public "post a move" method). `x_plantsync_key` lets a retry find the transfer again.
 */
export function pickingVals(input: GoodsMovementInput, ids: PickingIds, key: string | undefined): Record<string, unknown> {
  return {
    picking_type_id: ids.pickingTypeId,
    location_id: ids.sourceId,
    location_dest_id: ids.destinationId,
    origin: input.reference ?? false,
    x_plantsync_key: key ?? false,
    // The stock transport order the movement belongs to, by number (it may live in another plant's database).
    ...(input.stockTransport ? { x_stock_transport: input.stockTransport } : {}),
    move_ids: [
      [
        0,
        0,
        {
          product_id: ids.productId,
          product_uom_qty: decimalToFloat(input.quantity.value),
          product_uom: ids.uomId,
          location_id: ids.sourceId,
          location_dest_id: ids.destinationId,
          ...(ids.lotId !== undefined ? { lot_ids: [[6, 0, [ids.lotId]]] } : {}),
        },
      ],
    ],
  };
}

export function toInventoryMovement(picking: OdooPicking, input: GoodsMovementInput, plant: string): InventoryMovement {
  const movement: InventoryMovement = {
    id: String(picking.id),
    plant,
    type: input.type,
    item: input.item,
    quantity: input.quantity,
    postedAt: odooDateTimeToIso(picking.date_done) ?? new Date().toISOString(),
  };
  if (input.lot) movement.lot = input.lot;
  if (input.fromLocation && input.type !== 'goods_receipt') movement.fromLocation = input.fromLocation;
  if (input.toLocation && input.type !== 'goods_issue') movement.toLocation = input.toLocation;
  const reference = input.reference ?? charOrUndefined(picking.origin);
  if (reference) movement.reference = reference;
  if (input.stockTransport) movement.stockTransport = input.stockTransport;
  return movement;
}
