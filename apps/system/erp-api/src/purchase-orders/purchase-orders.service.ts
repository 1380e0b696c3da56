import { Inject, Injectable } from '@nestjs/common';
import type { AcknowledgePurchaseOrderInput, Page, PurchaseOrder } from '@plantsync/canonical';
import { ConnectorRegistry } from '@plantsync/connectors';
import { Landscape } from '@plantsync/landscape';
import type { Principal } from '@plantsync/platform';
import { requestCallContext } from '@plantsync/connectors';
import { decodeCrossPlantCursor, encodeCrossPlantCursor } from './cross-plant-cursor';
import { assertVisible, effectiveSupplier } from './purchase-order-access';
import type { PurchaseOrdersQuery } from './purchase-orders.query';

/** Purchase orders with the object-level rule: a supplier key only ever meets its own orders. */
@Injectable()
export class PurchaseOrdersService {
  constructor(
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
    @Inject(Landscape) private readonly landscape: Landscape,
  ) {}

  list(
    plant: string,
    principal: Principal,
    query: PurchaseOrdersQuery,
  ): Promise<Page<PurchaseOrder>> {
    return this.registry.erp(plant).listPurchaseOrders(requestCallContext('erp-api'), {
      supplier: effectiveSupplier(principal, query.supplier),
      status: query.status,
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  async get(plant: string, principal: Principal, id: string): Promise<PurchaseOrder> {
    return assertVisible(
      principal,
      await this.registry.erp(plant).getPurchaseOrder(requestCallContext('erp-api'), id),
      id,
    );
  }

  async acknowledge(
    plant: string,
    principal: Principal,
    id: string,
    input: AcknowledgePurchaseOrderInput,
    idempotencyKey?: string,
  ): Promise<PurchaseOrder> {
    const order = await this.get(plant, principal, id);
    return this.registry
      .erp(plant)
      .acknowledgePurchaseOrder(
        requestCallContext('erp-api', principal, idempotencyKey),
        order.id,
        input,
      );
  }

  /**
   * Every plant's orders, plant after plant in landscape order: the cursor remembers the plant and
   * that plant's own cursor, so pages never skip or repeat an order.
   */
  async listAcrossPlants(
    principal: Principal,
    query: PurchaseOrdersQuery,
  ): Promise<Page<PurchaseOrder>> {
    const plants = this.landscape.plants().map((p) => p.code);
    const limit = query.limit ?? 50;
    let position = decodeCrossPlantCursor(query.cursor);
    const items: PurchaseOrder[] = [];
    while (position.plant < plants.length && items.length < limit) {
      const page = await this.list(plants[position.plant], principal, {
        ...query,
        limit: limit - items.length,
        cursor: position.cursor,
      });
      items.push(...page.items);
      position = page.nextCursor
        ? { plant: position.plant, cursor: page.nextCursor }
        : { plant: position.plant + 1 };
    }
    return {
      items,
      nextCursor: position.plant < plants.length ? encodeCrossPlantCursor(position) : null,
    };
  }
}
