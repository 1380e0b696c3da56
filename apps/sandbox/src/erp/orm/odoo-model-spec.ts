/** How the simulator stores and renders one Odoo model's fields. */
export type FieldSpec =
  | { type: 'char' | 'text' | 'selection' | 'date' | 'datetime' }
  | { type: 'integer' | 'float' | 'boolean' }
  | { type: 'many2one'; model: string }
  /** Computed from the child model's many2one `inverse`; written with commands [0|1|2, …]. */
  | { type: 'one2many'; model: string; inverse: string }
  | { type: 'many2many'; model: string };

export interface OdooModelSpec {
  name: string;
  fields: Record<string, FieldSpec>;
  /** display_name, as Odoo's _compute_display_name would build it. */
  display(record: OdooRecord, displayOf: (model: string, id: number) => string): string;
  /** Default `order` of search/search_read. */
  order?: string;
  /**
   * Stored computed fields (Odoo `compute=…, store=True`), recomputed on every create and write
   * of the record. (Odoo also recomputes when a dependency on another record changes; the
   * sandbox never changes those dependencies — product codes, location codes, lot names.)
   */
  computed?: Record<string, (record: OdooRecord, records: RecordSource) => unknown>;
  /**
   * Fields with a sorted index (Odoo `index=True`): a search ordered by one of them with a limit
   * reads a range of the index instead of the whole collection (OdooDatabase.search).
   */
  indexed?: string[];
}

/** What a computed field may read. */
export interface RecordSource {
  get(model: string, id: number): OdooRecord | undefined;
}

/** A stored record: raw Odoo values (many2one as an id or false, one2many computed on read). */
export type OdooRecord = { id: number } & Record<string, unknown>;

export const char = { type: 'char' } as const;
export const text = { type: 'text' } as const;
export const selection = { type: 'selection' } as const;
export const date = { type: 'date' } as const;
export const datetime = { type: 'datetime' } as const;
export const integer = { type: 'integer' } as const;
export const float = { type: 'float' } as const;
export const boolean = { type: 'boolean' } as const;
export const many2one = (model: string) => ({ type: 'many2one', model }) as const;
export const one2many = (model: string, inverse: string) => ({ type: 'one2many', model, inverse }) as const;
export const many2many = (model: string) => ({ type: 'many2many', model }) as const;
