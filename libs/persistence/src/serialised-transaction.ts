import type { DataSource, EntityManager } from 'typeorm';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * A transaction that is safe under concurrent requests on SQLite too. better-sqlite3 has one
 * connection: a second `dataSource.transaction` starting while the first awaits fails with
 * "cannot start a transaction within a transaction" (or nests as a SAVEPOINT of the first), so on
 * SQLite every transaction taken through here runs after the previous one, in-process.
 * PostgreSQL gets a plain pooled transaction. Never call it from inside such a transaction.
 */
export function serialisedTransaction<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  const run = () => dataSource.transaction(fn);
  if (dataSource.options.type !== 'better-sqlite3') return run();
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.then(run, run);
  sqliteQueues.set(
    dataSource,
    next.catch(() => undefined),
  );
  return next;
}
