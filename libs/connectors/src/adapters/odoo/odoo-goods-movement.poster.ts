import type { GoodsMovementInput, InventoryMovement } from '@plantsync/canonical';
import { InvalidForBackendError, RecordConflictError, RecordNotFoundError } from '../../errors/connector.errors';
import type { CallContext } from '../../ports/call-context';
import { missingLocations, PICKING_TYPE_CODE, pickingVals, toInventoryMovement } from './odoo-goods-movement.mapper';
import { OdooJson2Client, isOdooUserError } from './odoo-json2.client';
import type { OdooProductDirectory } from './odoo-product-directory';
import type { OdooPicking } from './odoo-records';
import type { OdooReferenceData } from './odoo-reference-data';
import type { OdooStockTransports } from './odoo-stock-transport.service';
import { locationCode } from './odoo-item.mapper';
import { findUomId } from './odoo-uom.mapper';

const PICKING_FIELDS = ['name', 'state', 'origin', 'date_done', 'x_plantsync_key'];

/**
 * Posts a goods movement as a stock.picking with one move: create, then button_validate. Real Odoo
 * ignores Idempotency-Key, so the picking carries the caller's key (x_plantsync_key) and a retry
 * first looks it up: a done picking is returned, a draft one is validated — never a second picking.
 */
export class OdooGoodsMovementPoster {
  constructor(
    private readonly odoo: OdooJson2Client,
    private readonly refs: OdooReferenceData,
    private readonly products: OdooProductDirectory,
    private readonly plant: string,
    private readonly transports: OdooStockTransports,
  ) {}

  async post(ctx: CallContext, input: GoodsMovementInput): Promise<InventoryMovement> {
    const missing = missingLocations(input);
    if (missing.length > 0)
      throw this.invalid(`${input.type} needs ${missing.join(' and ')}`, 'location-required', { fields: missing });
    // A goods issue of a stock transport ships it: the transport must exist here and be open.
    const shipsTransport = input.type === 'goods_issue' && input.stockTransport ? input.stockTransport : undefined;
    if (shipsTransport) await this.transports.assertIssuable(ctx, shipsTransport);
    const key = ctx.idempotencyKey;
    let picking = key ? await this.findByKey(ctx, key) : undefined;
    if (!picking) {
      const vals = pickingVals(input, await this.resolveIds(ctx, input), key);
      const [id] = await this.odoo.call<number[]>(ctx, 'stock.picking', 'create', { vals_list: [vals] }, { idempotencyKey: key && `${key}:create` });
      picking = await this.read(ctx, id);
    }
    if (picking.state !== 'done') {
      try {
        await this.odoo.call(ctx, 'stock.picking', 'button_validate', { ids: [picking.id] }, { idempotencyKey: key && `${key}:validate` });
      } catch (e) {
        if (isOdooUserError(e))
          throw new RecordConflictError(`the ERP refused ${input.type} of ${input.item}: ${String(e.details?.backendMessage ?? '')}`, 'goods-movement-refused', this.context(), {
            transfer: picking.name,
          });
        throw e;
      }
      picking = await this.read(ctx, picking.id);
    }
    // After the issue (also on a retry that found it done): the transport is closed, never twice.
    if (shipsTransport) await this.transports.closeShipped(ctx, shipsTransport);
    return toInventoryMovement(picking, input, this.plant);
  }

  private async resolveIds(ctx: CallContext, input: GoodsMovementInput) {
    const product = await this.products.byCode(ctx, input.item).catch((e: unknown) => {
      if (e instanceof RecordNotFoundError) throw this.invalid(`item ${input.item} does not exist at ${this.plant}`, 'unknown-item', { item: input.item });
      throw e;
    });
    const [uoms, locations, types] = await Promise.all([this.refs.uoms(ctx), this.refs.locations(ctx), this.refs.pickingTypes(ctx)]);
    const uomId = findUomId(input.quantity.unit, uoms, product);
    if (uomId === undefined)
      throw this.invalid(`unit ${input.quantity.unit} is not known for ${input.item} at ${this.plant}`, 'unknown-unit', { unit: input.quantity.unit });
    const location = (code: string | undefined, usage?: string) => {
      const found = usage ? locations.find((l) => l.usage === usage) : locations.find((l) => locationCode(l) === code);
      if (!found) throw this.invalid(`location ${code ?? usage} does not exist at ${this.plant}`, 'unknown-location', { location: code ?? usage });
      return found.id;
    };
    const sourceId = input.type === 'goods_receipt' ? location(undefined, 'supplier') : location(input.fromLocation);
    const destinationId = input.type === 'goods_issue' ? location(undefined, 'production') : location(input.toLocation);
    const pickingType = types.find((t) => t.code === PICKING_TYPE_CODE[input.type]);
    if (!pickingType) throw this.invalid(`no ${PICKING_TYPE_CODE[input.type]} operation type at ${this.plant}`, 'unknown-operation-type', {});
    const lotId = input.lot ? await this.lotId(ctx, input, product.id) : undefined;
    return { pickingTypeId: pickingType.id, productId: product.id, uomId, sourceId, destinationId, lotId };
  }

  /** Existing lot of the product; a receipt creates the lot it brings in. */
  private async lotId(ctx: CallContext, input: GoodsMovementInput, productId: number): Promise<number> {
    const [lot] = await this.odoo.call<Array<{ id: number }>>(ctx, 'stock.lot', 'search_read', {
      domain: [['name', '=', input.lot], ['product_id', '=', productId]],
      fields: ['name'],
      limit: 1,
    });
    if (lot) return lot.id;
    if (input.type !== 'goods_receipt')
      throw this.invalid(`lot ${input.lot} of ${input.item} does not exist at ${this.plant}`, 'unknown-lot', { lot: input.lot });
    const key = ctx.idempotencyKey;
    const [id] = await this.odoo.call<number[]>(ctx, 'stock.lot', 'create', { vals_list: [{ name: input.lot, product_id: productId }] }, {
      idempotencyKey: key && `${key}:lot`,
    });
    return id;
  }

  private async findByKey(ctx: CallContext, key: string): Promise<OdooPicking | undefined> {
    const [picking] = await this.odoo.call<OdooPicking[]>(ctx, 'stock.picking', 'search_read', {
      domain: [['x_plantsync_key', '=', key]],
      fields: PICKING_FIELDS,
      limit: 1,
    });
    return picking;
  }

  private async read(ctx: CallContext, id: number): Promise<OdooPicking> {
    const [picking] = await this.odoo.call<OdooPicking[]>(ctx, 'stock.picking', 'read', { ids: [id], fields: PICKING_FIELDS }, {
      notFound: { recordType: 'Transfer', recordId: String(id) },
    });
    return picking;
  }

  private context() {
    return { plant: this.plant, system: 'erp' as const, connector: 'odoo-json2' };
  }

  private invalid(message: string, code: string, details: Record<string, unknown>): InvalidForBackendError {
    return new InvalidForBackendError(message, code, this.context(), details);
  }
}
