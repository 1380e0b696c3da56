import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { InboxMessage } from './inbox-message.entity';

export type ProcessOnceResult<T> = { applied: true; result: T } | { applied: false };

/**
 * Records (consumer, eventId) with the caller's manager, i.e. in the same transaction as the
 * consumer's effect, and runs `fn` only if the record is new. A concurrent duplicate that slips past
 * the read fails on the primary key (PostgreSQL makes it wait for the first transaction, then raises
 * a unique violation), which rolls its transaction back: effect and record stay together.
 */
export async function processOnce<T>(
  manager: EntityManager,
  consumer: string,
  eventId: string,
  fn: (manager: EntityManager) => Promise<T>,
): Promise<ProcessOnceResult<T>> {
  if (await manager.existsBy(InboxMessage, { consumer, eventId })) return { applied: false };
  await manager.insert(InboxMessage, { consumer, eventId, processedAt: new Date() });
  return { applied: true, result: await fn(manager) };
}

/** Unique/primary-key violation on PostgreSQL (23505) or SQLite (SQLITE_CONSTRAINT_*). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = String((error.driverError as { code?: unknown } | undefined)?.code ?? '');
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * processOnce in a transaction of its own; a concurrent duplicate counts as "already applied".
 * On SQLite (one connection, no concurrent transactions) calls are serialised in-process.
 */
export class InboxGuard {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  processOnce<T>(consumer: string, eventId: string, fn: (manager: EntityManager) => Promise<T>): Promise<ProcessOnceResult<T>> {
    const run = async (): Promise<ProcessOnceResult<T>> => {
      try {
        return await this.dataSource.transaction((manager) => processOnce(manager, consumer, eventId, fn));
      } catch (e) {
        if (isUniqueViolation(e)) return { applied: false };
        throw e;
      }
    };
    if (this.dataSource.options.type !== 'better-sqlite3') return run();
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
