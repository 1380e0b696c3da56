import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

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
  private readonly stmt: {
    get: Database.Statement<[string, string], { json: string }>;
    put: Database.Statement<[string, string, string]>;
    del: Database.Statement<[string, string]>;
    list: Database.Statement<[string], { json: string }>;
    count: Database.Statement<[string], { n: number }>;
    nextId: Database.Statement<[string], { value: number }>;
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

  /** Returns true when a document was deleted. */
  delete(collection: string, id: string): boolean {
    return this.stmt.del.run(collection, id).changes > 0;
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
