import type { CreateStockTransportInput, StockTransport } from '@plantsync/canonical';
import { InvalidForBackendError, RecordConflictError, RecordNotFoundError } from '../../errors/connector.errors';
import type { CallContext } from '../../ports/call-context';
import { locationCode } from './odoo-item.mapper';
import type { OdooJson2Client } from './odoo-json2.client';
import type { OdooProductDirectory } from './odoo-product-directory';
import type { OdooDomain } from './odoo-records';
import type { OdooReferenceData } from './odoo-reference-data';
import {
  STO_SEQUENCE_CODE,
  toStockTransport,
  TRANSPORT_FIELDS,
  TRANSPORT_MOVE_FIELDS,
  transportVals,
  type OdooTransportMove,
  type OdooTransportPicking,
} from './odoo-stock-transport.mapper';
import { findUomId, unitCode } from './odoo-uom.mapper';
import { many2oneId } from './odoo-values';

/**
 * Stock transport orders (docs/connectors.md, odoo-json2 "Stock transport orders"): a
 * stock.picking of the STO picking type at the SOURCE plant, confirmed but never validated — the
 * stock moves with the goods issue and receipt that name it, and the goods issue closes it.
 * Real Odoo ignores Idempotency-Key, so like goods movements the picking carries the caller's key
 * (`x_plantsync_key`) and a retry finds it instead of creating a second one.
 */
export class OdooStockTransports {
  constructor(
    private readonly odoo: OdooJson2Client,
    private readonly refs: OdooReferenceData,
    private readonly products: OdooProductDirectory,
    private readonly plant: string,
  ) {}

  async create(ctx: CallContext, input: CreateStockTransportInput): Promise<StockTransport> {
    const key = ctx.idempotencyKey;
    let picking = key ? (await this.search(ctx, [['x_plantsync_key', '=', key]], 1))[0] : undefined;
    if (!picking) {
      const vals = transportVals(input, await this.resolveIds(ctx, input), key);
      const [id] = await this.odoo.call<number[]>(ctx, 'stock.picking', 'create', { vals_list: [vals] }, { idempotencyKey: key && `${key}:create` });
      picking = await this.read(ctx, String(id));
    }
    if (picking.state === 'draft') {
      await this.odoo.call(ctx, 'stock.picking', 'action_confirm', { ids: [picking.id] }, { idempotencyKey: key && `${key}:confirm` });
      picking = await this.read(ctx, String(picking.id));
    }
    return (await this.toCanonical(ctx, [picking]))[0];
  }

  /** By Odoo id ("214") or number ("P100/STO/00214"). */
  async get(ctx: CallContext, id: string): Promise<StockTransport> {
    return (await this.toCanonical(ctx, [await this.read(ctx, id)]))[0];
  }

  /** Transports of one business process (reference), oldest first. */
  async list(ctx: CallContext, query: { reference?: string }): Promise<StockTransport[]> {
    const domain: OdooDomain = query.reference ? [['origin', '=', query.reference]] : [];
    const pickings = await this.search(ctx, domain, 200);
    return this.toCanonical(ctx, pickings.sort((a, b) => a.id - b.id));
  }

  /** open → cancelled; a cancelled one is answered unchanged; a shipped one is 409 stock-transport-shipped. */
  async cancel(ctx: CallContext, id: string): Promise<StockTransport> {
    let picking = await this.read(ctx, id);
    if (picking.state === 'done') throw this.shipped(picking);
    if (picking.state !== 'cancel') {
      await this.odoo.call(ctx, 'stock.picking', 'action_cancel', { ids: [picking.id] }, { idempotencyKey: ctx.idempotencyKey });
      picking = await this.read(ctx, String(picking.id));
    }
    return (await this.toCanonical(ctx, [picking]))[0];
  }

  /**
   * Before a goods issue that names a transport is posted: it must exist at this plant and not be
   * cancelled (a shipped one is fine: that is a retry of its own goods issue).
   */
  async assertIssuable(ctx: CallContext, number: string): Promise<void> {
    const picking = await this.byNumber(ctx, number);
    if (picking.state === 'cancel')
      throw new RecordConflictError(`stock transport order ${number} is cancelled; nothing can be issued against it`, 'stock-transport-cancelled', this.context(), {
        stockTransport: number,
      });
  }

  /** After its goods issue is posted: closes the transport (Plantsync addon; moves no stock). */
  async closeShipped(ctx: CallContext, number: string): Promise<void> {
    const picking = await this.byNumber(ctx, number);
    if (picking.state === 'done') return;
    await this.odoo.call(ctx, 'stock.picking', 'plantsync_close_transport', { ids: [picking.id] }, {
      idempotencyKey: ctx.idempotencyKey && `${ctx.idempotencyKey}:close-transport`,
    });
  }

  private async byNumber(ctx: CallContext, number: string): Promise<OdooTransportPicking> {
    const [picking] = await this.search(ctx, [['name', '=', number]], 1);
    if (!picking)
      throw new InvalidForBackendError(`stock transport order ${number} does not exist at ${this.plant}`, 'unknown-stock-transport', this.context(), {
        stockTransport: number,
      });
    return picking;
  }

  private async read(ctx: CallContext, id: string): Promise<OdooTransportPicking> {
    const domain: OdooDomain = /^\d+$/.test(id) ? [['id', '=', Number(id)]] : [['name', '=', id]];
    const [picking] = await this.search(ctx, domain, 1);
    if (!picking) throw new RecordNotFoundError('Stock transport', id, this.context());
    return picking;
  }

  /** Only pickings of the STO type are transports; any other picking is "not found" here. */
  private search(ctx: CallContext, domain: OdooDomain, limit: number): Promise<OdooTransportPicking[]> {
    return this.odoo.call<OdooTransportPicking[]>(ctx, 'stock.picking', 'search_read', {
      domain: [['picking_type_id.sequence_code', '=', STO_SEQUENCE_CODE], ...domain],
      fields: TRANSPORT_FIELDS,
      limit,
    });
  }

  private async resolveIds(ctx: CallContext, input: CreateStockTransportInput) {
    const product = await this.products.byCode(ctx, input.item).catch((e: unknown) => {
      if (e instanceof RecordNotFoundError) throw this.invalid(`item ${input.item} does not exist at ${this.plant}`, 'unknown-item', { item: input.item });
      throw e;
    });
    const [uoms, locations, types] = await Promise.all([
      this.refs.uoms(ctx),
      this.refs.locations(ctx),
      this.odoo.call<Array<{ id: number }>>(ctx, 'stock.picking.type', 'search_read', {
        domain: [['sequence_code', '=', STO_SEQUENCE_CODE]],
        fields: ['name'],
        limit: 1,
      }),
    ]);
    const uomId = findUomId(input.quantity.unit, uoms, product);
    if (uomId === undefined)
      throw this.invalid(`unit ${input.quantity.unit} is not known for ${input.item} at ${this.plant}`, 'unknown-unit', { unit: input.quantity.unit });
    const source = locations.find((l) => locationCode(l) === input.fromLocation && l.usage === 'internal');
    if (!source) throw this.invalid(`location ${input.fromLocation} does not exist at ${this.plant}`, 'unknown-location', { location: input.fromLocation });
    const transit = locations.find((l) => l.usage === 'transit');
    if (!transit) throw this.invalid(`${this.plant} has no transit location for stock transports`, 'unknown-location', { location: 'transit' });
    if (!types[0]) throw this.invalid(`no ${STO_SEQUENCE_CODE} operation type at ${this.plant}`, 'unknown-operation-type', {});
    let lotId: number | undefined;
    if (input.lot) {
      const [lot] = await this.odoo.call<Array<{ id: number }>>(ctx, 'stock.lot', 'search_read', {
        domain: [['name', '=', input.lot], ['product_id', '=', product.id]],
        fields: ['name'],
        limit: 1,
      });
      if (!lot) throw this.invalid(`lot ${input.lot} of ${input.item} does not exist at ${this.plant}`, 'unknown-lot', { lot: input.lot });
      lotId = lot.id;
    }
    return { pickingTypeId: types[0].id, productId: product.id, uomId, sourceId: source.id, transitId: transit.id, lotId };
  }

  /** One move per transport: read them with their products, units, locations and lots. */
  private async toCanonical(ctx: CallContext, pickings: OdooTransportPicking[]): Promise<StockTransport[]> {
    if (pickings.length === 0) return [];
    const moves = await this.odoo.call<OdooTransportMove[]>(ctx, 'stock.move', 'search_read', {
      domain: [['picking_id', 'in', pickings.map((p) => p.id)]],
      fields: TRANSPORT_MOVE_FIELDS,
    });
    const lotIds = [...new Set(moves.flatMap((m) => m.lot_ids))];
    const [uoms, locations, lots] = await Promise.all([
      this.refs.uoms(ctx),
      this.refs.locations(ctx),
      lotIds.length === 0 ? [] : this.odoo.call<Array<{ id: number; name: string }>>(ctx, 'stock.lot', 'read', { ids: lotIds, fields: ['name'] }),
      this.products.prime(ctx, moves.map((m) => many2oneId(m.product_id))),
    ]);
    return pickings.map((picking) => {
      const move = moves.find((m) => many2oneId(m.picking_id) === picking.id);
      if (!move) throw new RecordNotFoundError('Stock transport line', picking.name, this.context());
      const location = locations.find((l) => l.id === many2oneId(move.location_id));
      const lot = lots.find((l) => l.id === move.lot_ids[0]);
      return toStockTransport(
        picking,
        {
          item: this.products.codeOf(many2oneId(move.product_id)!),
          quantity: move.product_uom_qty,
          unit: unitCode(uoms.find((u) => u.id === many2oneId(move.product_uom))?.name ?? 'Units'),
          ...(lot ? { lot: lot.name } : {}),
          fromLocation: location ? locationCode(location) : '',
        },
        this.plant,
      );
    });
  }

  private shipped(picking: OdooTransportPicking): RecordConflictError {
    return new RecordConflictError(
      `stock transport order ${picking.name} has shipped (its goods issue is posted) and cannot be cancelled`,
      'stock-transport-shipped',
      this.context(),
      { stockTransport: picking.name, status: 'shipped' },
    );
  }

  private context() {
    return { plant: this.plant, system: 'erp' as const, connector: 'odoo-json2' };
  }

  private invalid(message: string, code: string, details: Record<string, unknown>): InvalidForBackendError {
    return new InvalidForBackendError(message, code, this.context(), details);
  }
}
