import { Injectable, Logger } from '@nestjs/common';
import { decimal, type ProductionOrder, type PurchaseOrder } from '@plantsync/canonical';
import { ErpApiClient, SystemApiError } from '@plantsync/clients';
import { Landscape } from '@plantsync/landscape';
import type { Principal } from '@plantsync/platform';
import type { RequestLoaders } from '../loaders/request-loaders.interface';
import { MaterialAvailabilityService } from '../production-orders/material-availability.service';
import { isOpenPurchaseOrder } from '../purchase-orders/purchase-orders.service';
import type { SupplierShortageModel } from './models/supplier-shortage.model';

/** Planned orders read per plant: 4 pages of 100. */
const ORDER_PAGE = 100;
const MAX_ORDER_PAGES = 4;

/**
 * "Which shortages could my open purchase orders cover?" for a supplier: the planner's material
 * availability (MaterialAvailabilityService, same DataLoaders) of every PLANNED production order at
 * the plants where the supplier has open lines, kept where a short component is an item of those
 * lines. Plants where the supplier has nothing open cost no production-order call. Every line shown
 * passes the object-level check (`coveringLines` filters by the caller), so a supplier never sees
 * another supplier's order — not even which other suppliers deliver the item.
 */
@Injectable()
export class SupplierShortagesService {
  private readonly logger = new Logger('SupplierShortages');

  constructor(
    private readonly erp: ErpApiClient,
    private readonly landscape: Landscape,
    private readonly availability: MaterialAvailabilityService,
  ) {}

  async list(viewer: Principal, loaders: RequestLoaders, correlationId: string | undefined, plant?: string): Promise<SupplierShortageModel[]> {
    const plants = plant ? [plant] : this.landscape.plants().map((p) => p.code);
    const perPlant = await Promise.all(plants.map((p) => this.atPlant(viewer, loaders, correlationId, p)));
    return perPlant.flat().sort((a, b) => a.neededBy.localeCompare(b.neededBy) || a.plant.localeCompare(b.plant) || a.productionOrder.localeCompare(b.productionOrder) || a.item.localeCompare(b.item));
  }

  private async atPlant(viewer: Principal, loaders: RequestLoaders, correlationId: string | undefined, plant: string): Promise<SupplierShortageModel[]> {
    const mine = (await loaders.openPurchaseOrdersOfPlant.load(plant)).filter((po) => isOpenPurchaseOrder(po) && viewer.canSeeSupplier(po.supplier));
    const items = itemsStillOpen(mine);
    if (items.size === 0) return [];
    const orders = await this.plannedOrders(plant, correlationId);
    const shortages = await Promise.all(orders.map((order) => this.shortagesOf(order, items, viewer, loaders)));
    return shortages.flat();
  }

  private async shortagesOf(order: ProductionOrder, items: Set<string>, viewer: Principal, loaders: RequestLoaders): Promise<SupplierShortageModel[]> {
    let components;
    try {
      components = await this.availability.componentsOf(order, loaders);
    } catch (e) {
      // An order whose BOM cannot be exploded has no known requirement: it is left out, not guessed.
      if (e instanceof SystemApiError && (e.classification === 'not_found' || e.classification === 'conflict')) {
        this.logger.debug?.(`skipping ${order.number}: ${e.message}`);
        return [];
      }
      throw e;
    }
    const short = components.filter((c) => c.short && c.shortfall !== null && items.has(c.item));
    return Promise.all(
      short.map(async (c) => ({
        plant: order.plant,
        productionOrder: order.number,
        neededBy: c.plannedStartDay,
        item: c.item,
        required: c.required,
        availableToPromise: c.availableToPromise,
        shortfall: c.shortfall!,
        myOpenLines: await this.availability.coveringLines(c, true, viewer, loaders),
      })),
    );
  }

  private async plannedOrders(plant: string, correlationId: string | undefined): Promise<ProductionOrder[]> {
    const orders: ProductionOrder[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_ORDER_PAGES; page++) {
      const answer = await this.erp.listProductionOrders({ correlationId }, plant, { status: 'planned', limit: ORDER_PAGE, cursor });
      orders.push(...answer.items);
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    return orders;
  }
}

/** Items of the supplier's lines that still have something to deliver. */
function itemsStillOpen(orders: PurchaseOrder[]): Set<string> {
  return new Set(orders.flatMap((po) => po.lines.filter((l) => decimal(l.openQuantity.value).gt(0)).map((l) => l.item)));
}
