import type {
  AcknowledgePurchaseOrderInput,
  BillOfMaterials,
  CreateStockTransportInput,
  ConfirmOperationInput,
  GoodsMovementInput,
  GoodsMovementRecord,
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
  Supplier,
  UnitConversion,
} from '@plantsync/canonical';
import type { BalancePage, BalancePageRequest } from './balance-page';
import type { CallContext } from './call-context';
import { PlantConnector } from './plant-connector';

export interface ItemQuery {
  search?: string;
  type?: ItemType;
  limit: number;
  cursor?: string;
}

export interface ProductionOrderQuery {
  status?: ProductionOrderStatus;
  /** Planned start on or after (ISO date or date-time). */
  from?: string;
  /** Planned start before (ISO date or date-time). */
  to?: string;
  limit: number;
  cursor?: string;
}

export interface PurchaseOrderQuery {
  supplier?: string;
  status?: PurchaseOrderStatus;
  limit: number;
  cursor?: string;
}

export interface StockTransportQuery {
  /** The business process behind the transports, e.g. `TRF-<transfer>`. */
  reference?: string;
}

export interface ErpStockQuery {
  item?: string;
  location?: string;
  lot?: string;
}

export interface ErpMovementQuery {
  item?: string;
  /** Moves leaving or entering this location. */
  location?: string;
  lot?: string;
  /** Newest first, at most this many. */
  limit: number;
}

/** One plant's ERP through the canonical model. One instance per plant. */
/** An item with its BOM revisions (none for a purchased part or raw material). */
export interface BomItem {
  item: Item;
  boms: BillOfMaterials[];
}

export abstract class ErpConnector extends PlantConnector {
  abstract listItems(ctx: CallContext, query: ItemQuery): Promise<Page<Item>>;
  abstract getItem(ctx: CallContext, code: string): Promise<Item>;
  /** Every BOM revision of `item` valid at this plant (all statuses); selection is the caller's. */
  abstract listBoms(ctx: CallContext, item: string): Promise<BillOfMaterials[]>;
  /**
   * The items and every BOM revision of several item codes at once (the next level of a BOM
   * explosion), by code. A code the ERP does not know is left out: the caller asks for it alone
   * (getItem / listBoms) to get the same error as before. The default reads nothing and leaves the
   * caller to ask per item; a connector that can read a level in a few calls overrides it.
   */
  async describeBomItems(_ctx: CallContext, _codes: readonly string[]): Promise<Map<string, BomItem>> {
    return new Map();
  }
  abstract listUnitConversions(ctx: CallContext): Promise<UnitConversion[]>;
  abstract listSuppliers(ctx: CallContext): Promise<Supplier[]>;

  abstract listProductionOrders(ctx: CallContext, query: ProductionOrderQuery): Promise<Page<ProductionOrder>>;
  abstract getProductionOrder(ctx: CallContext, id: string): Promise<ProductionOrder>;
  abstract releaseProductionOrder(ctx: CallContext, id: string): Promise<ProductionOrder>;
  abstract closeProductionOrder(ctx: CallContext, id: string): Promise<ProductionOrder>;
  abstract cancelProductionOrder(ctx: CallContext, id: string): Promise<ProductionOrder>;
  /**
   * released → planned, for a release that must be undone (the order-release saga's compensation)
   * while nothing has been produced. Not a cancel: the order stays plannable.
   */
  abstract revertProductionOrderRelease(ctx: CallContext, id: string): Promise<ProductionOrder>;

  abstract listPurchaseOrders(ctx: CallContext, query: PurchaseOrderQuery): Promise<Page<PurchaseOrder>>;
  abstract getPurchaseOrder(ctx: CallContext, id: string): Promise<PurchaseOrder>;
  abstract acknowledgePurchaseOrder(
    ctx: CallContext,
    id: string,
    input: AcknowledgePurchaseOrderInput,
  ): Promise<PurchaseOrder>;

  abstract postGoodsMovement(ctx: CallContext, input: GoodsMovementInput): Promise<InventoryMovement>;

  /**
   * Records what the shop floor confirmed on one operation of a production order (yield, scrap,
   * reason): the operation's and the order's produced totals. Goods movements are posted apart.
   * Needs an idempotency key: each confirmation is recorded once under it.
   */
  abstract confirmOperation(ctx: CallContext, productionOrderId: string, input: ConfirmOperationInput): Promise<OperationConfirmation>;

  /**
   * One page of the non-zero stock balances as the ERP books them, in the item's base unit,
   * ordered by item, location, lot (none first) and stock status: the order reconciliation merges
   * both sides by (see BalancePage).
   */
  abstract listStockBalancePage(ctx: CallContext, query: ErpStockQuery, page: BalancePageRequest): Promise<BalancePage>;

  /**
   * The ERP's movement history: posted (done) goods movements on an item × location × lot, newest
   * first, each with the key Plantsync posted it under when it did. Explains a stock balance.
   */
  abstract listGoodsMovements(ctx: CallContext, query: ErpMovementQuery): Promise<GoodsMovementRecord[]>;

  /**
   * Stock transport orders live in the SOURCE plant's ERP (this connector's plant). Create is
   * idempotent by the call's key; a goods issue naming the transport ships (closes) it.
   */
  abstract createStockTransport(ctx: CallContext, input: CreateStockTransportInput): Promise<StockTransport>;
  abstract getStockTransport(ctx: CallContext, id: string): Promise<StockTransport>;
  abstract listStockTransports(ctx: CallContext, query: StockTransportQuery): Promise<StockTransport[]>;
  /** open → cancelled; a cancelled one is answered unchanged; a shipped one is a conflict (`stock-transport-shipped`). */
  abstract cancelStockTransport(ctx: CallContext, id: string): Promise<StockTransport>;
}
