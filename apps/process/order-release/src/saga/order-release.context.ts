import type { Quantity } from '@plantsync/canonical';

/** A component the order needs: a leaf of the BOM explosion, summed over every path. */
export interface ComponentRequirement {
  item: string;
  /** In the item's base unit. */
  quantity: Quantity;
}

export interface ComponentAvailability extends ComponentRequirement {
  /** Available to promise at the plant: unrestricted − reserved (quality inspection and blocked stock excluded). */
  available: Quantity;
}

/** A component the plant cannot cover from stock, and what open purchase orders do about it. */
export interface Shortage {
  item: string;
  required: Quantity;
  available: Quantity;
  /** Open quantity of purchase orders due before the planned start (in the requirement's unit). */
  coveredByPurchaseOrders: Quantity;
  purchaseOrders: string[];
  /** What nothing covers: required − available − covered, at least 0. */
  shortfall: Quantity;
}

export interface ComponentReservation {
  item: string;
  /** The WMS reservation id. */
  id: string;
  quantity: Quantity;
}

/** The release saga's context: what each step learned, kept as JSON in saga_instance.context. */
export interface OrderReleaseContext {
  plant: string;
  productionOrder: string;
  requestedBy: string;
  order?: {
    id: string;
    number: string;
    item: string;
    quantity: Quantity;
    plannedStart: string;
    plannedEnd: string;
    workCenter?: string;
  };
  /** The BOM revision effective at the planned start. */
  bom?: { revision: string; effectiveFrom: string; effectiveTo?: string; at: string };
  requirements?: ComponentRequirement[];
  availability?: ComponentAvailability[];
  shortages?: Shortage[];
  reservations?: ComponentReservation[];
  erpReleasedAt?: string;
  workOrder?: string;
  releasedAt?: string;
}

/** The day (YYYY-MM-DD) of the order's planned start: the day its BOM must be effective. */
export function plannedStartDay(ctx: OrderReleaseContext): string {
  return ctx.order!.plannedStart.slice(0, 10);
}
