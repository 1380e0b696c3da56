import type { GoodsMovementRecord } from '@plantsync/canonical';
import type { CallContext } from '../../ports/call-context';
import type { ErpMovementQuery } from '../../ports/erp.connector';
import { locationCode } from './odoo-item.mapper';
import type { OdooJson2Client } from './odoo-json2.client';
import {
  DONE_MOVE_LINE_FIELDS,
  HISTORY_PICKING_FIELDS,
  type OdooDoneMoveLine,
  type OdooHistoryPicking,
  toGoodsMovementRecord,
} from './odoo-movement-history.mapper';
import type { Many2one, OdooDomain } from './odoo-records';
import type { OdooReferenceData } from './odoo-reference-data';
import { unitCode } from './odoo-uom.mapper';
import { many2oneId } from './odoo-values';

/**
 * The ERP's movement history: done stock.move.lines on an item × location × lot, newest first, with the
 * picking each belongs to (its origin and Plantsync's posting key). A location filter matches moves
 * leaving or entering it: both change its balance.
 */
export class OdooMovementHistoryReader {
  constructor(
    private readonly odoo: OdooJson2Client,
    private readonly refs: OdooReferenceData,
    private readonly plant: string,
  ) {}

  async list(ctx: CallContext, query: ErpMovementQuery): Promise<GoodsMovementRecord[]> {
    const [locations, uoms] = await Promise.all([this.refs.locations(ctx), this.refs.uoms(ctx)]);
    const domain: OdooDomain = [['state', '=', 'done']];
    if (query.item) domain.push(['product_id.default_code', '=', query.item]);
    if (query.location) {
      const location = locations.find((l) => locationCode(l) === query.location);
      if (!location) return [];
      domain.push('|', ['location_id', '=', location.id], ['location_dest_id', '=', location.id]);
    }
    if (query.lot) domain.push(['lot_id.name', '=', query.lot]);
    const moves = await this.odoo.call<OdooDoneMoveLine[]>(ctx, 'stock.move.line', 'search_read', {
      domain,
      fields: DONE_MOVE_LINE_FIELDS,
      order: 'date desc, id desc',
      limit: query.limit,
    });
    if (moves.length === 0) return [];
    const [pickings, products] = await Promise.all([this.readPickings(ctx, moves), this.productCodes(ctx, moves)]);
    const byLocation = new Map(locations.map((l) => [l.id, { code: locationCode(l), usage: l.usage }]));
    const uomName = new Map(uoms.map((u) => [u.id, u.name]));
    return moves.map((move) =>
      toGoodsMovementRecord(move, this.plant, {
        location: (id) => (id === undefined ? undefined : byLocation.get(id)),
        productCode: (id) => (id === undefined ? undefined : products.get(id)),
        unitCode: (id) => unitCode((id !== undefined && uomName.get(id)) || 'Units'),
        picking: (id) => (id === undefined ? undefined : pickings.get(id)),
      }),
    );
  }

  private async readPickings(ctx: CallContext, moves: OdooDoneMoveLine[]): Promise<Map<number, OdooHistoryPicking>> {
    const ids = idsOf(moves.map((m) => m.picking_id));
    if (ids.length === 0) return new Map();
    const rows = await this.odoo.call<OdooHistoryPicking[]>(ctx, 'stock.picking', 'search_read', {
      domain: [['id', 'in', ids]],
      fields: HISTORY_PICKING_FIELDS,
    });
    return new Map(rows.map((p) => [p.id, p]));
  }

  private async productCodes(ctx: CallContext, moves: OdooDoneMoveLine[]): Promise<Map<number, string>> {
    const ids = idsOf(moves.map((m) => m.product_id));
    const rows = await this.odoo.call<Array<{ id: number; default_code: string | false }>>(
      ctx,
      'product.product',
      'search_read',
      { domain: [['id', 'in', ids]], fields: ['default_code'] },
      { context: { active_test: false } },
    );
    return new Map(rows.filter((r) => r.default_code).map((r) => [r.id, r.default_code as string]));
  }
}

function idsOf(values: Many2one[]): number[] {
  return [...new Set(values.map(many2oneId).filter((id): id is number => id !== undefined))];
}
