import { Inject, Injectable } from '@nestjs/common';
import { fingerprintOf, LedgerService, SandboxIdempotency, SandboxStore, type SandboxRequestContext } from '../../core';
import type { BusinessMethod } from '../models/business-method';
import { CREATE_DEFAULTS } from '../models/create-defaults';
import { MRP_PRODUCTION_METHODS } from '../models/mrp-production.methods';
import { MRP_RECORD_PRODUCTION_METHODS } from '../models/mrp-record-production.methods';
import { STOCK_PICKING_METHODS } from '../models/stock-picking.methods';
import { STOCK_TRANSPORT_METHODS } from '../models/stock-transport.methods';
import { OdooDatabase } from './odoo-database';
import { accessError, badRequest, notFound } from './odoo-errors';
import { applyValues } from './odoo-values';

const BUSINESS_METHODS: Record<string, Record<string, BusinessMethod>> = {
  'mrp.production': { ...MRP_PRODUCTION_METHODS, ...MRP_RECORD_PRODUCTION_METHODS },
  'stock.picking': { ...STOCK_PICKING_METHODS, ...STOCK_TRANSPORT_METHODS },
};

const READ_METHODS = new Set(['search_read', 'read', 'search', 'search_count']);

type Params = Record<string, unknown>;

/**
 * Executes one JSON-2 call `model.method(**params)`. Reads run directly; every state-changing
 * method runs once per Idempotency-Key (SandboxIdempotency) inside one store transaction that also
 * writes its ledger entry, so a replay writes nothing and a failed call leaves nothing behind.
 */
@Injectable()
export class OdooCallService {
  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(LedgerService) private readonly ledger: LedgerService,
    @Inject(SandboxIdempotency) private readonly idempotency: SandboxIdempotency,
  ) {}

  call(ctx: SandboxRequestContext, model: string, method: string, params: Params): unknown {
    if (method.startsWith('_'))
      throw accessError(`Private methods (such as ${model}.${method}) cannot be called remotely.`);
    const db = new OdooDatabase(this.store, ctx.plant);
    db.spec(model); // 404 for an unknown model
    if (READ_METHODS.has(method)) return this.read(db.forReading(), model, method, params);
    const apply = this.writer(db, model, method, params);
    const fingerprint = fingerprintOf(model, method, withoutContext(params));
    return this.idempotency.once(ctx, ctx.idempotencyKey, fingerprint, () => {
      const { result, businessKey } = apply();
      this.ledger.record({
        plant: ctx.plant,
        system: 'erp',
        operation: `${model}.${method}`,
        idempotencyKey: ctx.idempotencyKey,
        correlationId: ctx.correlationId,
        businessKey,
        payload: withoutContext(params),
        result,
      });
      return result;
    }).result;
  }

  private read(db: OdooDatabase, model: string, method: string, p: Params): unknown {
    const context = (typeof p.context === 'object' && p.context !== null ? p.context : {}) as Record<string, unknown>;
    const options = {
      offset: int(p.offset, 'offset'),
      limit: int(p.limit, 'limit'),
      order: str(p.order, 'order'),
      activeTest: context.active_test !== false,
    };
    switch (method) {
      case 'search_read':
        return db.search(model, p.domain, options).map((r) => db.render(model, r, p.fields));
      case 'read':
        return db.browse(model, p.ids).map((r) => db.render(model, r, p.fields));
      case 'search':
        return db.search(model, p.domain, options).map((r) => r.id);
      default:
        return db.search(model, p.domain, { limit: options.limit, activeTest: options.activeTest }).length;
    }
  }

  /** Resolves the method before the transaction, so an unknown method is a 404 without side effects. */
  private writer(db: OdooDatabase, model: string, method: string, p: Params): () => { result: unknown; businessKey?: string } {
    const nameOf = (ids: number[]) => ids.map((id) => db.displayName(model, id)).join(', ') || undefined;
    switch (method) {
      case 'create':
        return () => {
          const list = Array.isArray(p.vals_list) ? p.vals_list : p.vals_list !== undefined ? [p.vals_list] : undefined;
          if (!list) throw badRequest('create() missing 1 required positional argument: vals_list');
          const ids = list.map((vals) => {
            const record = applyValues(db, model, undefined, vals);
            const defaults = CREATE_DEFAULTS[model]?.(db, record);
            if (defaults) db.update(model, record.id, defaults);
            return record.id;
          });
          return { result: ids, businessKey: nameOf(ids) };
        };
      case 'write':
        return () => {
          const records = db.browse(model, p.ids);
          for (const r of records) applyValues(db, model, r.id, p.vals);
          return { result: true, businessKey: nameOf(records.map((r) => r.id)) };
        };
      case 'unlink':
        return () => {
          const records = db.browse(model, p.ids);
          const businessKey = nameOf(records.map((r) => r.id));
          for (const r of records) db.remove(model, r.id);
          return { result: true, businessKey };
        };
    }
    const business = BUSINESS_METHODS[model]?.[method];
    if (!business) throw notFound(`The method "${method}" does not exist on the model "${model}"`);
    return () => {
      const records = db.browse(model, p.ids);
      const businessKey = nameOf(records.map((r) => r.id));
      return { result: business(db, records, p), businessKey };
    };
  }
}

function withoutContext(params: Params): Params {
  const rest = { ...params };
  delete rest.context;
  return rest;
}

function int(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (!Number.isInteger(value) || (value as number) < 0) throw badRequest(`${name} must be a non-negative integer`);
  return value as number;
}

function str(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`);
  return value;
}
