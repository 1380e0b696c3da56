import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Bounds of a key range: `after` (exclusive unless `inclusive`), `before` (exclusive unless `beforeInclusive`). */
export interface KeyRange {
  after?: string;
  inclusive?: boolean;
  before?: string;
  beforeInclusive?: boolean;
}

/** ` AND column > ? AND column < ?`-style bounds of a KeyRange, with their parameters. */
function rangeConditions(column: string, range: KeyRange): { sql: string; params: string[] } {
  let sql = '';
  const params: string[] = [];
  if (range.after !== undefined) {
    sql += ` AND ${column} ${range.inclusive ? '>=' : '>'} ?`;
    params.push(range.after);
  }
  if (range.before !== undefined) {
    sql += ` AND ${column} ${range.beforeInclusive ? '<=' : '<'} ?`;
    params.push(range.before);
  }
  return { sql, params };
}

/**
 * Durable document store of the sandbox: one SQLite file (WAL), JSON documents keyed by
 * (collection, id). Collections are namespaced by the caller: `<plant>/<system>/<kind>`,
 * e.g. `P100/erp/mrp.production`. Collections starting with `_` belong to the core.
 *
 * No read cache on purpose: prepared statements on a local file are fast enough for a
 * simulator, and a cache would have to be rolled back together with failed transactions.
 * Everything is synchronous (better-sqlite3), so `transaction(fn)` needs a synchronous `fn`.
 */
export class SandboxStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly stmt: {
    get: Database.Statement<[string, string], { json: string }>;
    put: Database.Statement<[string, string, string]>;
    del: Database.Statement<[string, string]>;
    list: Database.Statement<[string], { json: string }>;
    count: Database.Statement<[string], { n: number }>;
    nextId: Database.Statement<[string], { value: number }>;
    setKey: Database.Statement<[string, string, string, string]>;
    dropKey: Database.Statement<[string, string, string]>;
    dropKeys: Database.Statement<[string, string]>;
  };

  constructor(file: string) {
    this.file = file;
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode (only an OS crash may lose the tail).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS docs (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE TABLE IF NOT EXISTS sequences (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );
      -- Secondary sorted keys of documents (scanByKey): one per document and key name.
      CREATE TABLE IF NOT EXISTS doc_keys (
        collection TEXT NOT NULL,
        name TEXT NOT NULL,
        id TEXT NOT NULL,
        key TEXT NOT NULL,
        -- (collection, id) first: a document's delete drops all its keys through this index.
        PRIMARY KEY (collection, id, name)
      );
      CREATE INDEX IF NOT EXISTS doc_keys_order ON doc_keys (collection, name, key, id);
    `);
    this.stmt = {
      get: this.db.prepare('SELECT json FROM docs WHERE collection = ? AND id = ?'),
      // Upsert keeps the rowid, so list() stays in insertion order after updates.
      put: this.db.prepare(
        'INSERT INTO docs (collection, id, json) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET json = excluded.json',
      ),
      del: this.db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?'),
      list: this.db.prepare('SELECT json FROM docs WHERE collection = ? ORDER BY rowid'),
      count: this.db.prepare('SELECT COUNT(*) AS n FROM docs WHERE collection = ?'),
      nextId: this.db.prepare(
        'INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
      ),
      setKey: this.db.prepare(
        'INSERT INTO doc_keys (collection, name, id, key) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id, name) DO UPDATE SET key = excluded.key',
      ),
      dropKey: this.db.prepare('DELETE FROM doc_keys WHERE collection = ? AND name = ? AND id = ?'),
      dropKeys: this.db.prepare('DELETE FROM doc_keys WHERE collection = ? AND id = ?'),
    };
  }

  get<T>(collection: string, id: string): T | undefined {
    const row = this.stmt.get.get(collection, id);
    return row ? (JSON.parse(row.json) as T) : undefined;
  }

  put<T>(collection: string, id: string, doc: T): void {
    if (doc === undefined) throw new TypeError(`put ${collection}/${id}: document is undefined`);
    this.stmt.put.run(collection, id, JSON.stringify(doc));
  }

  /** Returns true when a document was deleted (its secondary keys go with it). */
  delete(collection: string, id: string): boolean {
    this.stmt.dropKeys.run(collection, id);
    return this.stmt.del.run(collection, id).changes > 0;
  }

  /** Deletes every document of a collection (and their secondary keys) in two statements. */
  deleteCollection(collection: string): number {
    this.prepared('DELETE FROM doc_keys WHERE collection = ?').run(collection);
    return this.prepared('DELETE FROM docs WHERE collection = ?').run(collection).changes;
  }

  /**
   * A prepared statement per SQL text, made once: range reads build their SQL from the bounds
   * they have (a handful of shapes), and they are on the hot path (every availability check reads
   * an item's open reservations), where preparing each time cost more than the read.
   */
  private prepared<R = unknown>(sql: string): Database.Statement<unknown[], R> {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement as Database.Statement<unknown[], R>;
  }

  /**
   * Documents of a collection in id order (binary, i.e. code-point order for ASCII ids), within
   * `range`, read from the primary key a chunk at a time: a page of a large collection costs its
   * own rows, not a scan of the collection. Stop iterating whenever enough were read.
   */
  *scan<T>(collection: string, range: KeyRange = {}, chunk = 256): Generator<T> {
    let lower = range.after;
    let inclusive = range.inclusive ?? false;
    for (;;) {
      const bounds = rangeConditions('id', { ...range, after: lower, inclusive });
      // One chunk per statement, none left open: the caller may read the store while iterating.
      const rows = this.prepared<{ json: string; id: string }>(`SELECT json, id FROM docs WHERE collection = ?${bounds.sql} ORDER BY id LIMIT ?`)
        .all(collection, ...bounds.params, chunk);
      for (const row of rows) yield JSON.parse(row.json) as T;
      if (rows.length < chunk) return;
      lower = rows[rows.length - 1].id;
      inclusive = false;
    }
  }

  /**
   * Sets (or with null removes) the secondary key `name` of a document, e.g. a sort field an
   * Odoo model declares indexed. `scanByKey` reads documents in that key's order.
   */
  setKey(collection: string, name: string, id: string, key: string | null): void {
    if (key === null) this.stmt.dropKey.run(collection, name, id);
    else this.stmt.setKey.run(collection, name, id, key);
  }

  /** Like `scan`, in the order of the secondary key `name` (ties by id); documents without one are not seen. */
  *scanByKey<T>(collection: string, name: string, range: KeyRange = {}, chunk = 256): Generator<T> {
    // Chunks continue after the last (key, id) read, so equal keys spanning chunks are not lost.
    let after: { key: string; id: string } | undefined;
    for (;;) {
      const bounds = rangeConditions('k.key', range);
      const resume = after ? { sql: ' AND (k.key, k.id) > (?, ?)', params: [after.key, after.id] } : { sql: '', params: [] };
      const rows = this.prepared<{ json: string; key: string; id: string }>(
        `SELECT d.json, k.key, k.id FROM doc_keys k JOIN docs d ON d.collection = k.collection AND d.id = k.id
         WHERE k.collection = ? AND k.name = ?${bounds.sql}${resume.sql} ORDER BY k.key, k.id LIMIT ?`,
      ).all(collection, name, ...bounds.params, ...resume.params, chunk);
      for (const row of rows) yield JSON.parse(row.json) as T;
      if (rows.length < chunk) return;
      after = { key: rows[rows.length - 1].key, id: rows[rows.length - 1].id };
    }
  }

  /** Documents of a collection in insertion order, optionally filtered. */
  list<T>(collection: string, filter?: (doc: T) => boolean): T[] {
    const docs = this.stmt.list.all(collection).map((row) => JSON.parse(row.json) as T);
    return filter ? docs.filter(filter) : docs;
  }

  count(collection: string): number {
    return this.stmt.count.get(collection)?.n ?? 0;
  }

  /** Next value (1, 2, 3, …) of a durable integer sequence, e.g. `P100/erp/mrp.production`. */
  nextId(sequence: string): number {
    const row = this.stmt.nextId.get(sequence);
    if (!row) throw new Error(`sequence ${sequence} returned no value`);
    return row.value;
  }

  /**
   * Runs `fn` in one SQLite transaction (nested calls become savepoints). `fn` must be
   * synchronous: a returned promise would commit before it settles, so it is refused.
   */
  transaction<R>(fn: () => R): R {
    return this.db.transaction(() => {
      const result = fn();
      if (result instanceof Promise)
        throw new TypeError('SandboxStore.transaction needs a synchronous function');
      return result;
    })();
  }

  /** Removes every document, sequence and core table row (admin reset, tests). */
  clear(): void {
    this.transaction(() => {
      for (const { name } of this.db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .all())
        this.db.exec(`DELETE FROM "${name}"`);
    });
  }

  /** For core services that keep their own table (the ledger) in the same file and transactions. */
  get database(): Database.Database {
    return this.db;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
