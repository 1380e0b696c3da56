import type { PurchaseOrder } from '@plantsync/canonical';
import { RecordNotFoundError } from '@plantsync/connectors';
import type { Principal } from '@plantsync/platform';

/** Admin, planner and service see every supplier's orders; a supplier key only its own. */
export function seesAllSuppliers(principal: Principal): boolean {
  return principal.isAdmin() || principal.hasRole('planner') || principal.hasRole('service');
}

/**
 * The supplier filter a list actually uses: the caller's choice for full-access keys; for a
 * supplier key its own id, whatever it asked for (it may pick among its own ids).
 */
export function effectiveSupplier(principal: Principal, requested?: string): string | undefined {
  if (seesAllSuppliers(principal)) return requested;
  const own = principal.supplierIds();
  return requested && own.includes(requested) ? requested : own[0];
}

/**
 * Another supplier's order answers exactly like a missing one (same 404, same message), so a
 * supplier cannot learn that an order number exists.
 */
export function assertVisible(
  principal: Principal,
  order: PurchaseOrder,
  requestedId: string,
): PurchaseOrder {
  if (principal.canSeeSupplier(order.supplier)) return order;
  throw new RecordNotFoundError('PurchaseOrder', requestedId, {
    plant: order.plant,
    system: 'erp',
  });
}
