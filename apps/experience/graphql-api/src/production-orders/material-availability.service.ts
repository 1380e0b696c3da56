import { Injectable } from '@nestjs/common';
import {
  decimal,
  formatDecimal,
  maxZero,
  multiplyQuantity,
  Quantity,
  subtractQuantity,
  sumQuantities,
  type BomExplosionLine,
  type ProductionOrder,
} from '@plantsync/canonical';
import type { Principal } from '@plantsync/platform';
import type { RequestLoaders } from '../loaders/request-loaders.interface';
import { isOpenPurchaseOrder } from '../purchase-orders/purchase-orders.service';
import type { CoveringPurchaseOrderLineModel, ProductionOrderComponentModel } from './models/production-order-component.model';

/**
 * Explosions are fetched for ONE unit of the item and scaled here, so orders of the same item share
 * one backend call. The explosion reports 12 decimals; scaling can carry that rounding up, so
 * requirements are reported to 6 decimals (exact for every unit the demo and real BOMs use).
 */
const REQUIRED_DECIMALS = 6;

function round(q: Quantity): Quantity {
  return Quantity.of(formatDecimal(decimal(q.value).toDecimalPlaces(REQUIRED_DECIMALS)), q.unit);
}

/** The order's quantity still to make; the whole order when the produced quantity is in another unit. */
function remainingQuantity(order: ProductionOrder): Quantity {
  if (order.producedQuantity.unit !== order.quantity.unit) return order.quantity;
  return maxZero(subtractQuantity(order.quantity, order.producedQuantity));
}

/** Direct components (level 1), the same item on two BOM lines summed. */
function directComponents(lines: BomExplosionLine[]): Array<{ item: string; perUnit: Quantity }> {
  const byItem = new Map<string, Quantity[]>();
  for (const line of lines.filter((l) => l.level === 1)) byItem.set(line.item, [...(byItem.get(line.item) ?? []), line.requiredQuantity]);
  return [...byItem].map(([item, qs]) => ({ item, perUnit: qs.every((q) => q.unit === qs[0].unit) ? sumQuantities(qs, qs[0].unit) : qs[0] }));
}

/**
 * Material availability of production orders, resolved through the request's DataLoaders: one
 * explosion per plant × item × day × unit, one availability per plant × item, one purchase order
 * list per plant — however many orders the page holds.
 */
@Injectable()
export class MaterialAvailabilityService {
  async componentsOf(order: ProductionOrder, loaders: RequestLoaders): Promise<ProductionOrderComponentModel[]> {
    const plannedStartDay = order.plannedStart.slice(0, 10);
    const explosion = await loaders.bomExplosion.load({ plant: order.plant, item: order.item, at: plannedStartDay, unit: order.quantity.unit });
    const remaining = remainingQuantity(order);
    return Promise.all(
      directComponents(explosion.lines).map(async ({ item, perUnit }) => {
        const required = round(multiplyQuantity(perUnit, remaining.value));
        const availability = await loaders.availability.load({ plant: order.plant, item });
        const atp = availability.availableToPromise;
        const shortfall = atp.unit === required.unit ? maxZero(subtractQuantity(required, atp)) : null;
        return {
          item,
          required,
          availableToPromise: atp,
          shortfall,
          short: shortfall !== null && decimal(shortfall.value).gt(0),
          plant: order.plant,
          plannedStartDay,
        };
      }),
    );
  }

  /**
   * Open purchase order lines of the component at the plant, earliest promise first. Each line is
   * checked against the caller (object-level): a field reachable by a supplier in future screens
   * must never show another supplier's order.
   */
  async coveringLines(
    component: ProductionOrderComponentModel,
    includeLate: boolean,
    viewer: Principal,
    loaders: RequestLoaders,
  ): Promise<CoveringPurchaseOrderLineModel[]> {
    const orders = await loaders.openPurchaseOrdersOfPlant.load(component.plant);
    return orders
      .filter((po) => isOpenPurchaseOrder(po) && viewer.canSeeSupplier(po.supplier))
      .flatMap((po) =>
        po.lines
          .filter((line) => line.item === component.item && decimal(line.openQuantity.value).gt(0))
          .map((line) => ({
            plant: po.plant,
            purchaseOrder: po.number,
            supplier: po.supplier,
            lineNumber: line.lineNumber,
            openQuantity: line.openQuantity,
            promisedDate: line.promisedDate,
            arrivesBeforeStart: line.promisedDate <= component.plannedStartDay,
          })),
      )
      .filter((line) => includeLate || line.arrivesBeforeStart)
      .sort((a, b) => a.promisedDate.localeCompare(b.promisedDate) || a.purchaseOrder.localeCompare(b.purchaseOrder));
  }
}
