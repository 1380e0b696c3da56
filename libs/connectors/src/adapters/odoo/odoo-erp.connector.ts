import {
  type ConfirmOperationInput,
  type OperationConfirmation,
  AcknowledgePurchaseOrderInput,
  BillOfMaterials,
  canTransition,
  CreateStockTransportInput,
  encodeOffsetCursor,
  decodeOffsetCursor,
  GoodsMovementInput,
  GoodsMovementRecord,
  InventoryMovement,
  Item,
  Page,
  ProductionOrder,
  ProductionOrderStatus,
  PurchaseOrder,
  StockTransport,
  Supplier,
  UnitConversion,
} from '@plantsync/canonical';
import type { SystemBinding } from '@plantsync/landscape';
import { InvalidForBackendError, RecordConflictError, RecordNotFoundError } from '../../errors/connector.errors';
import type { BalancePage, BalancePageRequest } from '../../ports/balance-page';
import type { CallContext } from '../../ports/call-context';
import {
  type BomItem,
  ErpConnector,
  ErpMovementQuery,
  ErpStockQuery,
  ItemQuery,
  ProductionOrderQuery,
  PurchaseOrderQuery,
  StockTransportQuery,
} from '../../ports/erp.connector';
import { toBom } from './odoo-bom.mapper';
import { odooOptions } from './odoo-erp.options';
import { OdooGoodsMovementPoster } from './odoo-goods-movement.poster';
import { OdooOperationConfirmationPoster } from './odoo-operation-confirmation.poster';
import { OdooMovementHistoryReader } from './odoo-movement-history.reader';
import { OdooStockReader } from './odoo-stock.reader';
import { OdooStockTransports } from './odoo-stock-transport.service';
import { categoryIdsOf, ItemLookups, toItem } from './odoo-item.mapper';
import { isOdooUserError, OdooJson2Client } from './odoo-json2.client';
import { OdooProductDirectory } from './odoo-product-directory';
import { MO_METHOD_BY_TARGET, MO_STATE_BY_STATUS, toProductionOrder } from './odoo-production-order.mapper';
import { purchaseStatusDomain, toPurchaseOrder } from './odoo-purchase-order.mapper';
import {
  BOM_FIELDS,
  BOM_LINE_FIELDS,
  OdooBom,
  OdooBomLine,
  OdooDomain,
  OdooProduct,
  OdooProduction,
  OdooPurchaseLine,
  OdooPurchaseOrder,
  PRODUCT_FIELDS,
  PRODUCTION_FIELDS,
  PURCHASE_LINE_FIELDS,
  PURCHASE_ORDER_FIELDS,
} from './odoo-records';
import { OdooReferenceData } from './odoo-reference-data';
import { conversionsFromUoms } from './odoo-uom.mapper';
import { charOrUndefined, decimalToFloat, isoToOdooDateTime, many2oneId } from './odoo-values';

/** Orders are addressed by Odoo id ("118") or by name ("MO-P200-0001"). */
const byIdOrName = (id: string): OdooDomain => (/^\d+$/.test(id) ? [['id', '=', Number(id)]] : [['name', '=', id]]);

/** One plant's Odoo 19 ERP over the External JSON-2 API (docs/connectors.md, odoo-json2). */
export class OdooErpConnector extends ErpConnector {
  private readonly odoo: OdooJson2Client;
  private readonly refs: OdooReferenceData;
  private readonly products: OdooProductDirectory;
  private readonly goodsMovements: OdooGoodsMovementPoster;
  private readonly confirmations: OdooOperationConfirmationPoster;
  private readonly stock: OdooStockReader;
  private readonly history: OdooMovementHistoryReader;
  private readonly transports: OdooStockTransports;

  constructor(plant: string, binding: SystemBinding) {
    super(plant, 'erp', binding);
    this.odoo = new OdooJson2Client(plant, binding, odooOptions(binding));
    this.refs = new OdooReferenceData(this.odoo);
    this.products = new OdooProductDirectory(this.odoo, plant);
    this.transports = new OdooStockTransports(this.odoo, this.refs, this.products, plant);
    this.goodsMovements = new OdooGoodsMovementPoster(this.odoo, this.refs, this.products, plant, this.transports);
    this.confirmations = new OdooOperationConfirmationPoster(this.odoo, (ctx, id) => this.getProductionOrder(ctx, id), plant);
    this.stock = new OdooStockReader(this.odoo, this.refs, plant);
    this.history = new OdooMovementHistoryReader(this.odoo, this.refs, plant);
  }

  async health(ctx: CallContext): Promise<void> {
    await this.odoo.call(ctx, 'uom.uom', 'search_count', { domain: [], limit: 1 });
  }

  // ── Items, BOMs, units, suppliers ───────────────────────────────────────────

  async listItems(ctx: CallContext, query: ItemQuery): Promise<Page<Item>> {
    const lookups = await this.itemLookups(ctx);
    const domain: OdooDomain = [];
    if (query.search) domain.push('|', ['default_code', 'ilike', query.search], ['name', 'ilike', query.search]);
    if (query.type) domain.push(['categ_id', 'in', categoryIdsOf(query.type, lookups.categories)]);
    const page = await this.page<OdooProduct>(ctx, 'product.product', domain, PRODUCT_FIELDS, 'default_code, id', query);
    return { items: page.items.map((p) => toItem(p, this.plant, lookups)), nextCursor: page.nextCursor };
  }

  async getItem(ctx: CallContext, code: string): Promise<Item> {
    const [product, lookups] = await Promise.all([this.products.byCode(ctx, code), this.itemLookups(ctx)]);
    return toItem(product, this.plant, lookups);
  }

  async listBoms(ctx: CallContext, item: string): Promise<BillOfMaterials[]> {
    const product = await this.products.byCode(ctx, item);
    // Obsolete revisions are archived in Odoo: read them too.
    const boms = await this.odoo.call<OdooBom[]>(
      ctx,
      'mrp.bom',
      'search_read',
      { domain: [['product_id', '=', product.id]], fields: BOM_FIELDS, order: 'x_effective_from, id' },
      { context: { active_test: false } },
    );
    if (boms.length === 0) return [];
    const lines = await this.odoo.call<OdooBomLine[]>(ctx, 'mrp.bom.line', 'search_read', {
      domain: [['bom_id', 'in', boms.map((b) => b.id)]],
      fields: BOM_LINE_FIELDS,
    });
    await this.products.prime(ctx, [...boms.map((b) => many2oneId(b.product_id)), ...lines.map((l) => many2oneId(l.product_id))]);
    return boms.map((b) => toBom(b, lines, this.products.codeOf, this.plant));
  }

  /**
   * A BOM level in three or four JSON-2 calls (products by code, their BOMs, the BOM lines, codes
   * of the line products not yet known) instead of getItem + listBoms per component. Same reads,
   * same mapping: a code's product is the first the ERP answers for it, as byCode's `limit: 1`.
   */
  override async describeBomItems(ctx: CallContext, codes: readonly string[]): Promise<Map<string, BomItem>> {
    const wanted = [...new Set(codes)];
    const found = new Map<string, BomItem>();
    if (wanted.length === 0) return found;
    const [rows, lookups] = await Promise.all([
      this.odoo.call<OdooProduct[]>(ctx, 'product.product', 'search_read', { domain: [['default_code', 'in', wanted]], fields: PRODUCT_FIELDS }),
      this.itemLookups(ctx),
    ]);
    const productOf = new Map<string, OdooProduct>();
    for (const row of rows) {
      const code = charOrUndefined(row.default_code);
      if (code && !productOf.has(code)) productOf.set(code, row);
    }
    if (productOf.size === 0) return found;
    this.products.remember([...productOf.values()]);
    // Obsolete revisions are archived in Odoo: read them too (as listBoms).
    const boms = await this.odoo.call<OdooBom[]>(
      ctx,
      'mrp.bom',
      'search_read',
      { domain: [['product_id', 'in', [...productOf.values()].map((p) => p.id)]], fields: BOM_FIELDS, order: 'x_effective_from, id' },
      { context: { active_test: false } },
    );
    const lines =
      boms.length === 0
        ? []
        : await this.odoo.call<OdooBomLine[]>(ctx, 'mrp.bom.line', 'search_read', {
            domain: [['bom_id', 'in', boms.map((b) => b.id)]],
            fields: BOM_LINE_FIELDS,
          });
    await this.products.prime(ctx, lines.map((l) => many2oneId(l.product_id)));
    for (const [code, product] of productOf) {
      const own = boms.filter((b) => many2oneId(b.product_id) === product.id);
      found.set(code, { item: toItem(product, this.plant, lookups), boms: own.map((b) => toBom(b, lines, this.products.codeOf, this.plant)) });
    }
    return found;
  }

  async listUnitConversions(ctx: CallContext): Promise<UnitConversion[]> {
    const [uoms, boxed] = await Promise.all([
      this.refs.uoms(ctx),
      this.odoo.call<Array<Pick<OdooProduct, 'default_code' | 'uom_ids'>>>(ctx, 'product.product', 'search_read', {
        domain: [['uom_ids', '!=', false]],
        fields: ['default_code', 'uom_ids'],
      }),
    ]);
    return conversionsFromUoms(uoms, boxed);
  }

  async listSuppliers(ctx: CallContext): Promise<Supplier[]> {
    const partners = await this.refs.suppliers(ctx);
    return partners.map((p) => ({ id: charOrUndefined(p.ref) ?? String(p.id), name: p.name, country: charOrUndefined(p.country_code) ?? '' }));
  }

  // ── Production orders ───────────────────────────────────────────────────────

  async listProductionOrders(ctx: CallContext, query: ProductionOrderQuery): Promise<Page<ProductionOrder>> {
    const domain: OdooDomain = [];
    if (query.status) domain.push(['state', '=', MO_STATE_BY_STATUS[query.status]]);
    if (query.from) domain.push(['date_start', '>=', this.dateTime(query.from, 'from')]);
    if (query.to) domain.push(['date_start', '<', this.dateTime(query.to, 'to')]);
    const page = await this.page<OdooProduction>(ctx, 'mrp.production', domain, PRODUCTION_FIELDS, 'date_start, id', query);
    return { items: await this.toProductionOrders(ctx, page.items), nextCursor: page.nextCursor };
  }

  async getProductionOrder(ctx: CallContext, id: string): Promise<ProductionOrder> {
    const [mo] = await this.odoo.call<OdooProduction[]>(ctx, 'mrp.production', 'search_read', {
      domain: byIdOrName(id),
      fields: PRODUCTION_FIELDS,
      limit: 1,
    });
    if (!mo) throw new RecordNotFoundError('ProductionOrder', id, this.errorContext());
    return (await this.toProductionOrders(ctx, [mo]))[0];
  }

  releaseProductionOrder(ctx: CallContext, id: string): Promise<ProductionOrder> {
    return this.transition(ctx, id, 'released');
  }

  closeProductionOrder(ctx: CallContext, id: string): Promise<ProductionOrder> {
    return this.transition(ctx, id, 'closed');
  }

  cancelProductionOrder(ctx: CallContext, id: string): Promise<ProductionOrder> {
    return this.transition(ctx, id, 'cancelled');
  }

  revertProductionOrderRelease(ctx: CallContext, id: string): Promise<ProductionOrder> {
    return this.transition(ctx, id, 'planned');
  }

  /**
   * Checks the canonical lifecycle first (Odoo's own rules are looser: it would mark an order in
   * progress done), then presses the button. An order already in the target status still goes to
   * Odoo with the caller's key: a retry is replayed by a backend that honours keys, anything else
   * is refused there and reported as the conflict it is.
   */
  private async transition(ctx: CallContext, id: string, target: ProductionOrderStatus): Promise<ProductionOrder> {
    const order = await this.getProductionOrder(ctx, id);
    if (order.status !== target && !canTransition(order.status, target)) throw this.illegalTransition(order, target);
    try {
      await this.odoo.call(ctx, 'mrp.production', MO_METHOD_BY_TARGET[target]!, { ids: [Number(order.id)] }, {
        idempotencyKey: ctx.idempotencyKey,
      });
    } catch (e) {
      if (isOdooUserError(e)) throw this.illegalTransition(await this.getProductionOrder(ctx, order.id), target);
      throw e;
    }
    return this.getProductionOrder(ctx, order.id);
  }

  private illegalTransition(order: ProductionOrder, target: ProductionOrderStatus): RecordConflictError {
    return new RecordConflictError(
      `production order ${order.number} is ${order.status}; it cannot be ${target}`,
      'illegal-status-transition',
      this.errorContext(),
      { currentStatus: order.status, requestedStatus: target, productionOrder: order.number },
    );
  }

  private async toProductionOrders(ctx: CallContext, mos: OdooProduction[]): Promise<ProductionOrder[]> {
    const bomIds = [...new Set(mos.map((m) => many2oneId(m.bom_id)).filter((id): id is number => id !== undefined))];
    const [, boms, workCenters] = await Promise.all([
      this.products.prime(ctx, mos.map((m) => many2oneId(m.product_id))),
      bomIds.length === 0
        ? Promise.resolve([] as Array<{ id: number; code: string | false }>)
        : this.odoo.call<Array<{ id: number; code: string | false }>>(
            ctx,
            'mrp.bom',
            'search_read',
            { domain: [['id', 'in', bomIds]], fields: ['code'] },
            { context: { active_test: false } },
          ),
      this.refs.workCenters(ctx),
    ]);
    return mos.map((mo) =>
      toProductionOrder(mo, this.plant, {
        productCode: this.products.codeOf,
        bomRevision: (id) => charOrUndefined(boms.find((b) => b.id === id)?.code ?? false),
        workCenterCode: (id) => charOrUndefined(workCenters.find((w) => w.id === id)?.code ?? false),
      }),
    );
  }

  // ── Purchase orders ─────────────────────────────────────────────────────────

  async listPurchaseOrders(ctx: CallContext, query: PurchaseOrderQuery): Promise<Page<PurchaseOrder>> {
    const domain: OdooDomain = [];
    if (query.supplier) {
      const partner = (await this.refs.suppliers(ctx)).find((p) => p.ref === query.supplier);
      if (!partner) return { items: [], nextCursor: null };
      domain.push(['partner_id', '=', partner.id]);
    }
    if (query.status) domain.push(...purchaseStatusDomain(query.status));
    const page = await this.page<OdooPurchaseOrder>(ctx, 'purchase.order', domain, PURCHASE_ORDER_FIELDS, 'date_order desc, id desc', query);
    return { items: await this.toPurchaseOrders(ctx, page.items), nextCursor: page.nextCursor };
  }

  async getPurchaseOrder(ctx: CallContext, id: string): Promise<PurchaseOrder> {
    const [po] = await this.odoo.call<OdooPurchaseOrder[]>(ctx, 'purchase.order', 'search_read', {
      domain: byIdOrName(id),
      fields: PURCHASE_ORDER_FIELDS,
      limit: 1,
    });
    if (!po) throw new RecordNotFoundError('PurchaseOrder', id, this.errorContext());
    return (await this.toPurchaseOrders(ctx, [po]))[0];
  }

  /**
   * Writes the supplier's answer on the lines (x_ack_* fields) in ONE purchase.order.write with
   * one2many update commands, so all lines change in one Odoo transaction. Writing the same
   * answer twice leaves the same state: safe to retry against a backend that ignores keys.
   */
  async acknowledgePurchaseOrder(ctx: CallContext, id: string, input: AcknowledgePurchaseOrderInput): Promise<PurchaseOrder> {
    const order = await this.getPurchaseOrder(ctx, id);
    if (!['sent', 'confirmed', 'partially_received'].includes(order.status))
      throw new RecordConflictError(`purchase order ${order.number} is ${order.status}; it cannot be acknowledged`, 'purchase-order-not-open', this.errorContext(), {
        currentStatus: order.status,
      });
    const lines = await this.odoo.call<Array<{ id: number; sequence: number }>>(ctx, 'purchase.order.line', 'search_read', {
      domain: [['order_id', '=', Number(order.id)]],
      fields: ['sequence'],
    });
    const acknowledgedAt = isoToOdooDateTime(new Date().toISOString());
    const commands = input.lines.map((answer) => {
      const line = lines.find((l) => l.sequence === answer.lineNumber);
      const canonical = order.lines.find((l) => l.lineNumber === answer.lineNumber);
      if (!line || !canonical)
        throw new InvalidForBackendError(`purchase order ${order.number} has no line ${answer.lineNumber}`, 'unknown-line', this.errorContext(), {
          lineNumber: answer.lineNumber,
        });
      if (answer.proposedQuantity && answer.proposedQuantity.unit !== canonical.quantity.unit)
        throw new InvalidForBackendError(
          `line ${answer.lineNumber} is ordered in ${canonical.quantity.unit}; propose the quantity in that unit`,
          'unit-mismatch',
          this.errorContext(),
          { lineNumber: answer.lineNumber },
        );
      return [
        1,
        line.id,
        {
          x_ack_status: answer.status,
          x_ack_date: answer.proposedDate ?? false,
          x_ack_qty: answer.proposedQuantity ? decimalToFloat(answer.proposedQuantity.value) : 0,
          x_ack_note: answer.note ?? false,
          x_ack_datetime: acknowledgedAt,
        },
      ];
    });
    await this.odoo.call(ctx, 'purchase.order', 'write', { ids: [Number(order.id)], vals: { order_line: commands } }, {
      idempotencyKey: ctx.idempotencyKey,
    });
    return this.getPurchaseOrder(ctx, order.id);
  }

  private async toPurchaseOrders(ctx: CallContext, pos: OdooPurchaseOrder[]): Promise<PurchaseOrder[]> {
    if (pos.length === 0) return [];
    const [lines, suppliers] = await Promise.all([
      this.odoo.call<OdooPurchaseLine[]>(ctx, 'purchase.order.line', 'search_read', {
        domain: [['order_id', 'in', pos.map((p) => p.id)]],
        fields: PURCHASE_LINE_FIELDS,
      }),
      this.refs.suppliers(ctx),
    ]);
    await this.products.prime(ctx, lines.map((l) => many2oneId(l.product_id)));
    return pos.map((po) =>
      toPurchaseOrder(po, lines, this.plant, {
        productCode: this.products.codeOf,
        supplierRef: (partnerId) => charOrUndefined(suppliers.find((s) => s.id === partnerId)?.ref ?? false),
      }),
    );
  }

  // ── Goods movements ─────────────────────────────────────────────────────────

  confirmOperation(ctx: CallContext, productionOrderId: string, input: ConfirmOperationInput): Promise<OperationConfirmation> {
    return this.confirmations.confirm(ctx, productionOrderId, input);
  }

  postGoodsMovement(ctx: CallContext, input: GoodsMovementInput): Promise<InventoryMovement> {
    return this.goodsMovements.post(ctx, input);
  }

  listStockBalancePage(ctx: CallContext, query: ErpStockQuery, page: BalancePageRequest): Promise<BalancePage> {
    return this.stock.page(ctx, query, page);
  }

  listGoodsMovements(ctx: CallContext, query: ErpMovementQuery): Promise<GoodsMovementRecord[]> {
    return this.history.list(ctx, query);
  }

  // ── Stock transport orders ──────────────────────────────────────────────────

  createStockTransport(ctx: CallContext, input: CreateStockTransportInput): Promise<StockTransport> {
    return this.transports.create(ctx, input);
  }

  getStockTransport(ctx: CallContext, id: string): Promise<StockTransport> {
    return this.transports.get(ctx, id);
  }

  listStockTransports(ctx: CallContext, query: StockTransportQuery): Promise<StockTransport[]> {
    return this.transports.list(ctx, query);
  }

  cancelStockTransport(ctx: CallContext, id: string): Promise<StockTransport> {
    return this.transports.cancel(ctx, id);
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  /** Offset paging: asks for one record more than the page to know whether another page follows. */
  private async page<T>(
    ctx: CallContext,
    model: string,
    domain: OdooDomain,
    fields: string[],
    order: string,
    query: { limit: number; cursor?: string },
  ): Promise<{ items: T[]; nextCursor: string | null }> {
    let offset: number;
    try {
      offset = decodeOffsetCursor(query.cursor);
    } catch {
      throw new InvalidForBackendError('cursor is not one this API issued', 'invalid-cursor', this.errorContext(), { field: 'cursor' });
    }
    const rows = await this.odoo.call<T[]>(ctx, model, 'search_read', { domain, fields, order, offset, limit: query.limit + 1 });
    return {
      items: rows.slice(0, query.limit),
      nextCursor: rows.length > query.limit ? encodeOffsetCursor(offset + query.limit) : null,
    };
  }

  private async itemLookups(ctx: CallContext): Promise<ItemLookups> {
    const [categories, routes, locations, uoms] = await Promise.all([
      this.refs.categories(ctx),
      this.refs.routes(ctx),
      this.refs.locations(ctx),
      this.refs.uoms(ctx),
    ]);
    return { categories, routes, locations, uoms };
  }

  private dateTime(value: string, field: string): string {
    try {
      return isoToOdooDateTime(value);
    } catch {
      throw new InvalidForBackendError(`${field} must be an ISO date or date-time`, 'invalid-date', this.errorContext(), { field });
    }
  }

  private errorContext() {
    return { plant: this.plant, system: 'erp' as const, connector: 'odoo-json2' };
  }
}

