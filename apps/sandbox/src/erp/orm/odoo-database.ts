import type { KeyRange, SandboxStore } from '../../core';
import { ODOO_MODELS } from '../models/odoo-models';
import { compileDomain, compileOrder, FieldReader } from './odoo-domain';
import { badRequest, missingError, notFound } from './odoo-errors';
import type { OdooModelSpec, OdooRecord } from './odoo-model-spec';

export interface SearchOptions {
  offset?: number;
  limit?: number;
  order?: string;
  /** Odoo hides archived records (active = false) unless the context says active_test: false. */
  activeTest?: boolean;
}

/**
 * One plant's simulated Odoo database over the sandbox store: collections `<plant>/erp/<model>`,
 * ids from the durable sequence of the same name (Odoo ids are per database). Synchronous, so the
 * caller wraps writes in one store transaction like Odoo wraps each JSON-2 call in one SQL
 * transaction.
 */
export class OdooDatabase {
  /** Display names already rendered in this read-only call (see `forReading`); null while writes may happen. */
  private names: Map<string, string> | null = null;

  constructor(
    private readonly store: SandboxStore,
    readonly plant: string,
  ) {}

  /**
   * For one read-only call: remember display names once rendered. A search_read of 100,000 quants
   * renders three many2one names each — 300,000 record reads of the same few hundred products,
   * locations and lots otherwise, which kept the sandbox's one thread busy for seconds.
   */
  forReading(): this {
    this.names = new Map();
    return this;
  }

  spec(model: string): OdooModelSpec {
    const spec = ODOO_MODELS.get(model);
    if (!spec) throw notFound(`the model "${model}" does not exist`);
    return spec;
  }

  private collection(model: string): string {
    return `${this.plant}/erp/${model}`;
  }

  get(model: string, id: number): OdooRecord | undefined {
    return this.store.get<OdooRecord>(this.collection(model), String(id));
  }

  /** The records, in the order asked; MissingError (404) when any is gone. */
  browse(model: string, ids: unknown): OdooRecord[] {
    if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id))) throw badRequest('ids must be a list of integers');
    const records = (ids as number[]).map((id) => this.get(model, id));
    const missing = (ids as number[]).filter((_, i) => !records[i]);
    if (missing.length > 0) throw missingError(model, missing);
    return records as OdooRecord[];
  }

  all(model: string): OdooRecord[] {
    this.spec(model);
    return this.store.list<OdooRecord>(this.collection(model));
  }

  /** Creates a record from raw values (many2one as ids); one2many fields are ignored here. */
  insert(model: string, values: Record<string, unknown>): OdooRecord {
    this.names = null;
    const spec = this.spec(model);
    const record: OdooRecord = { id: this.store.nextId(this.collection(model)) };
    for (const [field, f] of Object.entries(spec.fields)) {
      if (f.type === 'one2many') continue;
      record[field] = values[field] ?? defaultOf(f.type);
    }
    this.save(model, record);
    return record;
  }

  update(model: string, id: number, values: Record<string, unknown>): OdooRecord {
    this.names = null;
    const current = this.get(model, id);
    if (!current) throw missingError(model, [id]);
    const next = { ...current, ...values, id };
    this.save(model, next);
    return next;
  }

  /**
   * Recomputes the stored computed fields and index keys of every record of a model (a sandbox
   * file written before the model declared them). Write transaction: the caller's.
   */
  reindex(model: string): number {
    const records = this.all(model);
    for (const record of records) this.save(model, record);
    return records.length;
  }

  /** Writes a record with its stored computed fields and its index keys, as Odoo's ORM flush does. */
  private save(model: string, record: OdooRecord): void {
    const spec = this.spec(model);
    for (const [field, compute] of Object.entries(spec.computed ?? {})) record[field] = compute(record, this);
    const collection = this.collection(model);
    this.store.put(collection, String(record.id), record);
    for (const field of spec.indexed ?? []) {
      const value = record[field];
      this.store.setKey(collection, field, String(record.id), typeof value === 'string' && value !== '' ? value : null);
    }
  }

  remove(model: string, id: number): void {
    this.names = null;
    this.store.delete(this.collection(model), String(id));
  }

  /** Every record of a model (unlink of all, without reading them). */
  removeAll(model: string): void {
    this.names = null;
    this.spec(model);
    this.store.deleteCollection(this.collection(model));
  }

  displayName(model: string, id: number): string {
    const key = `${model}/${id}`;
    const known = this.names?.get(key);
    if (known !== undefined) return known;
    const record = this.get(model, id);
    const name = record ? this.spec(model).display(record, (m, i) => this.displayName(m, i)) : '';
    this.names?.set(key, name);
    return name;
  }

  /** Reads a field the way a domain sees it: many2one as its id, one2many as child ids, dotted paths followed. */
  reader(model: string, record: OdooRecord): FieldReader {
    return (path) => {
      const [field, ...rest] = path.split('.');
      if (field === 'id') return record.id;
      if (field === 'display_name') return this.displayName(model, record.id);
      const f = this.spec(model).fields[field];
      if (!f) throw badRequest(`Invalid field ${model}.${field} in domain`);
      const value = f.type === 'one2many' ? this.childIds(f.model, f.inverse, record.id) : record[field];
      if (rest.length === 0) return value;
      if (f.type !== 'many2one') throw badRequest(`${model}.${field} cannot be followed in a domain`);
      const target = typeof value === 'number' ? this.get(f.model, value) : undefined;
      return target ? this.reader(f.model, target)(rest.join('.')) : false;
    };
  }

  childIds(model: string, inverse: string, parentId: number): number[] {
    return this.all(model)
      .filter((r) => r[inverse] === parentId)
      .sort(compareBy(this, model, this.spec(model).order ?? 'id'))
      .map((r) => r.id);
  }

  search(model: string, domain: unknown, options: SearchOptions = {}): OdooRecord[] {
    const spec = this.spec(model);
    const predicate = compileDomain(domain);
    const hideArchived = options.activeTest !== false && 'active' in spec.fields;
    const keep = (r: OdooRecord) => !(hideArchived && r.active === false) && predicate(this.reader(model, r));
    const order = options.order || spec.order || 'id';
    const offset = options.offset ?? 0;
    const indexed = indexedOrderField(spec, order);
    const range = indexed ? indexRange(domain, indexed) : undefined;
    if (indexed && (options.limit || range)) return this.searchIndex(model, indexed, range ?? {}, keep, offset, options.limit);
    const sorted = this.all(model)
      .filter(keep)
      .sort(compareBy(this, model, order));
    return sorted.slice(offset, options.limit ? offset + options.limit : undefined);
  }

  /**
   * A search ordered by an indexed field, as PostgreSQL runs it on a b-tree: read the index from
   * the domain's bound on that field, test each record, stop at offset + limit. A page of quants
   * by x_plantsync_balance_key costs its own rows, however many quants the plant has. Records with
   * an empty key are not in the index (for a computed key there are none).
   */
  private searchIndex(model: string, field: string, range: KeyRange, keep: (r: OdooRecord) => boolean, offset: number, limit?: number): OdooRecord[] {
    const out: OdooRecord[] = [];
    let skip = offset;
    const chunk = limit ? Math.min(offset + limit, 1000) : 256;
    for (const record of this.store.scanByKey<OdooRecord>(this.collection(model), field, range, chunk)) {
      if (!keep(record)) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      out.push(record);
      if (out.length === limit) break;
    }
    return out;
  }

  /** The JSON-2 shape of a record: many2one `[id, display_name]` or false, x2many as id lists. */
  render(model: string, record: OdooRecord, fields?: unknown): Record<string, unknown> {
    const spec = this.spec(model);
    const names = fields === undefined || fields === null || (Array.isArray(fields) && fields.length === 0)
      ? Object.keys(spec.fields)
      : fields;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw badRequest('fields must be a list of field names');
    const out: Record<string, unknown> = { id: record.id };
    for (const name of names as string[]) {
      if (name === 'id') continue;
      if (name === 'display_name') {
        out.display_name = this.displayName(model, record.id);
        continue;
      }
      const f = spec.fields[name];
      if (!f) throw badRequest(`Invalid field '${name}' on model '${model}'`);
      const value = record[name];
      if (f.type === 'many2one') out[name] = typeof value === 'number' ? [value, this.displayName(f.model, value)] : false;
      else if (f.type === 'one2many') out[name] = this.childIds(f.model, f.inverse, record.id);
      else out[name] = value ?? defaultOf(f.type);
    }
    return out;
  }
}

function compareBy(db: OdooDatabase, model: string, order: string): (a: OdooRecord, b: OdooRecord) => number {
  const cmp = compileOrder(order);
  return (a, b) => cmp(db.reader(model, a), db.reader(model, b)) || a.id - b.id;
}

/** `order` = an indexed field ascending, optionally then `id`: the index order (ties by id). */
function indexedOrderField(spec: OdooModelSpec, order: string): string | undefined {
  const [first, ...rest] = order.split(',').map((part) => part.trim().split(/\s+/));
  const field = first?.[0];
  if (!field || !spec.indexed?.includes(field) || (first[1] && first[1].toLowerCase() !== 'asc')) return undefined;
  const tieById = rest.every((p) => p[0] === 'id' && (!p[1] || p[1].toLowerCase() === 'asc'));
  return tieById && rest.length <= 1 ? field : undefined;
}

/**
 * The bounds a domain puts on `field`, read from its top-level terms (AND-ed). A domain with
 * `|` or `!` gives none (the index is then read whole, still in order).
 */
function indexRange(domain: unknown, field: string): KeyRange | undefined {
  if (!Array.isArray(domain) || domain.some((t) => typeof t === 'string')) return undefined;
  let range: KeyRange | undefined;
  for (const term of domain as Array<[string, string, unknown]>) {
    if (!Array.isArray(term) || term[0] !== field || typeof term[2] !== 'string') continue;
    const [, op, value] = term;
    range ??= {};
    if ((op === '>' || op === '>=' || op === '=') && (range.after === undefined || value >= range.after)) {
      range.inclusive = op !== '>' && !(value === range.after && range.inclusive === false);
      range.after = value;
    }
    if ((op === '<' || op === '<=' || op === '=') && (range.before === undefined || value <= range.before)) {
      range.beforeInclusive = op !== '<' && !(value === range.before && range.beforeInclusive === false);
      range.before = value;
    }
  }
  return range;
}

function defaultOf(type: string): unknown {
  switch (type) {
    case 'integer':
    case 'float':
      return 0;
    case 'boolean':
      return false;
    case 'many2many':
    case 'one2many':
      return [];
    default:
      return false;
  }
}
