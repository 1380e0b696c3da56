import type { DataSource, EntityManager } from 'typeorm';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * A transaction that is safe on SQLite too. better-sqlite3 has one connection: two transactions
 * interleaving their awaits would nest (the second becomes a SAVEPOINT of the first), so on SQLite
 * they are serialised in-process. PostgreSQL gets a plain pooled transaction.
 */
export function sagaTransaction<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
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
