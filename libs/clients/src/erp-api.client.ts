import type {
  AcknowledgePurchaseOrderInput,
  BillOfMaterials,
  BomExplosion,
  CreateStockTransportInput,
  ConfirmOperationInput,
  GoodsMovementInput,
  GoodsMovementRecord,
  InventoryBalance,
  InventoryMovement,
  Item,
  ItemType,
  OperationConfirmation,
  Page,
  ProductionOrder,
  ProductionOrderStatus,
  PurchaseOrder,
  PurchaseOrderStatus,
  StockTransport,
  UnitConversion,
} from '@plantsync/canonical';
import type { CallContext } from '@plantsync/connectors';
import { seg, SystemApiHttp, type SystemApiClientOptions } from './http/system-api.http';

export interface ListItemsQuery {
  search?: string;
  type?: ItemType;
  limit?: number;
  cursor?: string;
}

export interface ListProductionOrdersQuery {
  status?: ProductionOrderStatus;
  /** Planned start on or after (ISO date or date-time). */
  from?: string;
  /** Planned start before (ISO date or date-time). */
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface ListErpStockQuery {
  item?: string;
  location?: string;
  lot?: string;
  limit?: number;
  cursor?: string;
}

export interface ListGoodsMovementsQuery {
  item?: string;
  /** Movements leaving or entering this location. */
  location?: string;
  lot?: string;
  /** 1–200, default 50. */
  limit?: number;
}

export interface ListPurchaseOrdersQuery {
  supplier?: string;
  status?: PurchaseOrderStatus;
  limit?: number;
  cursor?: string;
}

export interface EffectiveBomQuery {
  /** Day (YYYY-MM-DD) the revision must be effective on; default today in the plant's time zone. */
  at?: string;
}

export interface BomExplosionQuery extends EffectiveBomQuery {
  /** Quantity of the item to build (decimal string); default 1. */
  quantity?: string;
  /** Unit of `quantity`; default the item's base unit. */
  unit?: string;
}

/**
 * erp-api (docs/openapi/erp-api.json): items, effective BOMs and explosions, the production order
 * lifecycle, purchase orders, goods movements. `id` arguments take the ERP id or the order number.
 */
export class ErpApiClient {
  private readonly http: SystemApiHttp;

  constructor(options: SystemApiClientOptions) {
    this.http = new SystemApiHttp('erp-api', options);
  }

  listItems(ctx: CallContext, plant: string, query: ListItemsQuery = {}): Promise<Page<Item>> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/items`, query: { ...query }, operation: 'listItems', plant });
  }

  getItem(ctx: CallContext, plant: string, code: string): Promise<Item> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/items/${seg(code)}`, operation: 'getItem', plant });
  }

  /** The item's own unit conversions and the general ones (for canonical `convertQuantity`). */
  listUnitConversions(ctx: CallContext, plant: string, item: string): Promise<UnitConversion[]> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/items/${seg(item)}/unit-conversions`,
      operation: 'listUnitConversions',
      plant,
    });
  }

  /**
   * The released BOM revision effective on `at`. 404 `no-released-bom-revision` (SystemApiNotFoundError)
   * when there is none, `item-not-found` when the plant does not carry the item.
   */
  getEffectiveBom(ctx: CallContext, plant: string, item: string, query: EffectiveBomQuery = {}): Promise<BillOfMaterials> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/items/${seg(item)}/bom`,
      query: { ...query },
      operation: 'getEffectiveBom',
      plant,
    });
  }

  /**
   * Gross requirement of every component on every level, in each component's base unit, scrap
   * included. 409 `no-released-bom-revision` for a sub-assembly without one, `bom-cycle`, `bom-too-deep`.
   */
  explodeBom(ctx: CallContext, plant: string, item: string, query: BomExplosionQuery = {}): Promise<BomExplosion> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/items/${seg(item)}/bom/explosion`,
      query: { ...query },
      operation: 'explodeBom',
      plant,
    });
  }

  listProductionOrders(ctx: CallContext, plant: string, query: ListProductionOrdersQuery = {}): Promise<Page<ProductionOrder>> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/production-orders`,
      query: { ...query },
      operation: 'listProductionOrders',
      plant,
    });
  }

  /**
   * Confirms what the shop floor produced on an operation (yield, scrap, reason). Needs an
   * idempotency key (400 without): the ERP records each confirmation once under it.
   */
  confirmOperation(ctx: CallContext, plant: string, productionOrder: string, input: ConfirmOperationInput): Promise<OperationConfirmation> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/production-orders/${seg(productionOrder)}/confirmations`,
      body: input,
      operation: 'confirmOperation',
      plant,
    });
  }

  getProductionOrder(ctx: CallContext, plant: string, id: string): Promise<ProductionOrder> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/production-orders/${seg(id)}`,
      operation: 'getProductionOrder',
      plant,
    });
  }

  /** planned → released. Releasing a released order answers it unchanged; others: IllegalStatusTransitionError. */
  releaseProductionOrder(ctx: CallContext, plant: string, id: string): Promise<ProductionOrder> {
    return this.transition(ctx, plant, id, 'release', 'releaseProductionOrder');
  }

  closeProductionOrder(ctx: CallContext, plant: string, id: string): Promise<ProductionOrder> {
    return this.transition(ctx, plant, id, 'close', 'closeProductionOrder');
  }

  /** planned/released → cancelled (final; a saga undoes a release with revertProductionOrderRelease). */
  cancelProductionOrder(ctx: CallContext, plant: string, id: string): Promise<ProductionOrder> {
    return this.transition(ctx, plant, id, 'cancel', 'cancelProductionOrder');
  }

  /** released → planned (nothing produced yet): how the order-release saga undoes its ERP release. */
  revertProductionOrderRelease(ctx: CallContext, plant: string, id: string): Promise<ProductionOrder> {
    return this.transition(ctx, plant, id, 'revert-release', 'revertProductionOrderRelease');
  }

  /** Stock as the ERP books it, ordered by item, location, lot, status (the order wms-api lists in). */
  listStock(ctx: CallContext, plant: string, query: ListErpStockQuery = {}): Promise<Page<InventoryBalance>> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/stock`, query: { ...query }, operation: 'listStock', plant });
  }

  listPurchaseOrders(ctx: CallContext, plant: string, query: ListPurchaseOrdersQuery = {}): Promise<Page<PurchaseOrder>> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/purchase-orders`,
      query: { ...query },
      operation: 'listPurchaseOrders',
      plant,
    });
  }

  /** Purchase orders of every plant (newest first). */
  listPurchaseOrdersAcrossPlants(ctx: CallContext, query: ListPurchaseOrdersQuery = {}): Promise<Page<PurchaseOrder>> {
    return this.http.call(ctx, { method: 'GET', path: '/v1/purchase-orders', query: { ...query }, operation: 'listPurchaseOrdersAcrossPlants' });
  }

  getPurchaseOrder(ctx: CallContext, plant: string, id: string): Promise<PurchaseOrder> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/purchase-orders/${seg(id)}`,
      operation: 'getPurchaseOrder',
      plant,
    });
  }

  acknowledgePurchaseOrder(ctx: CallContext, plant: string, id: string, input: AcknowledgePurchaseOrderInput): Promise<PurchaseOrder> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/purchase-orders/${seg(id)}/acknowledgements`,
      body: input,
      operation: 'acknowledgePurchaseOrder',
      plant,
    });
  }

  /** A goods issue, goods receipt or transfer posting. Pass an idempotency key: a retry then posts once. */
  /** The ERP's posted goods movements on an item × location × lot, newest first. */
  listGoodsMovements(ctx: CallContext, plant: string, query: ListGoodsMovementsQuery = {}): Promise<GoodsMovementRecord[]> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/goods-movements`,
      query: { ...query },
      operation: 'listGoodsMovements',
      plant,
    });
  }

  postGoodsMovement(ctx: CallContext, plant: string, input: GoodsMovementInput): Promise<InventoryMovement> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/goods-movements`,
      body: input,
      operation: 'postGoodsMovement',
      plant,
    });
  }

  /**
   * A stock transport order in the SOURCE plant's ERP (`plant`). Idempotent by the call's key;
   * 400 validation-failed / unknown-item / unknown-location / unknown-lot for bad input.
   */
  createStockTransport(ctx: CallContext, plant: string, input: CreateStockTransportInput): Promise<StockTransport> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/stock-transports`,
      body: input,
      operation: 'createStockTransport',
      plant,
    });
  }

  getStockTransport(ctx: CallContext, plant: string, id: string): Promise<StockTransport> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/plants/${seg(plant)}/stock-transports/${seg(id)}`, operation: 'getStockTransport', plant });
  }

  /** The transports of one reference (e.g. `TRF-<transfer>`), oldest first. */
  listStockTransports(ctx: CallContext, plant: string, reference: string): Promise<StockTransport[]> {
    return this.http.call(ctx, {
      method: 'GET',
      path: `/v1/plants/${seg(plant)}/stock-transports`,
      query: { reference },
      operation: 'listStockTransports',
      plant,
    });
  }

  /** open → cancelled (a cancelled one is answered unchanged); 409 stock-transport-shipped once its goods issue is posted. */
  cancelStockTransport(ctx: CallContext, plant: string, id: string): Promise<StockTransport> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/stock-transports/${seg(id)}/cancel`,
      operation: 'cancelStockTransport',
      plant,
    });
  }

  private transition(ctx: CallContext, plant: string, id: string, action: string, operation: string): Promise<ProductionOrder> {
    return this.http.call(ctx, {
      method: 'POST',
      path: `/v1/plants/${seg(plant)}/production-orders/${seg(id)}/${action}`,
      operation,
      plant,
    });
  }
}
