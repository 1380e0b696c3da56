import { ProductionOrder, ProductionOrderStatus, Quantity } from '@plantsync/canonical';
import type { OdooProduction, OdooProductionState } from './odoo-records';
import { unitCode } from './odoo-uom.mapper';
import { floatToDecimal, many2oneId, many2oneName, odooDateTimeToIso } from './odoo-values';

/** mrp.production.state ↔ canonical status (docs/connectors.md). */
export const STATUS_BY_MO_STATE: Record<OdooProductionState, ProductionOrderStatus> = {
  draft: 'planned',
  confirmed: 'released',
  progress: 'in_progress',
  to_close: 'completed',
  done: 'closed',
  cancel: 'cancelled',
};

export const MO_STATE_BY_STATUS = Object.fromEntries(
  Object.entries(STATUS_BY_MO_STATE).map(([state, status]) => [status, state]),
) as Record<ProductionOrderStatus, OdooProductionState>;

/** The public mrp.production method that moves an order to each target status. */
export const MO_METHOD_BY_TARGET: Partial<Record<ProductionOrderStatus, string>> = {
  released: 'action_confirm',
  closed: 'button_mark_done',
  cancelled: 'action_cancel',
  // Not standard Odoo (a confirmed MO has no way back to draft there): provided by the Plantsync
  // addon on the integration database, see docs/connectors.md "Reverting a release".
  planned: 'plantsync_revert_release',
};

export interface ProductionOrderLookups {
  productCode(id: number): string;
  bomRevision(id: number): string | undefined;
  workCenterCode(id: number): string | undefined;
}

export function toProductionOrder(mo: OdooProduction, plant: string, lookups: ProductionOrderLookups): ProductionOrder {
  const unit = unitCode(many2oneName(mo.product_uom_id) ?? 'Units');
  const start = odooDateTimeToIso(mo.date_start) ?? '1970-01-01T00:00:00Z';
  const bomId = many2oneId(mo.bom_id);
  const workCenterId = many2oneId(mo.x_workcenter_id);
  const bomRevision = bomId === undefined ? undefined : lookups.bomRevision(bomId);
  const workCenter = workCenterId === undefined ? undefined : lookups.workCenterCode(workCenterId);
  return {
    id: String(mo.id),
    number: mo.name,
    plant,
    item: lookups.productCode(many2oneId(mo.product_id)!),
    quantity: Quantity.of(floatToDecimal(mo.product_qty), unit),
    producedQuantity: Quantity.of(floatToDecimal(mo.qty_produced), unit),
    status: STATUS_BY_MO_STATE[mo.state],
    plannedStart: start,
    plannedEnd: odooDateTimeToIso(mo.date_finished) ?? start,
    ...(workCenter ? { workCenter } : {}),
    ...(bomRevision ? { bomRevision } : {}),
  };
}
