import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cursorId } from './order-cursor.entity';

/** First key of the two-key advisory lock: names production-sync's order drains among other locks. */
const LOCK_SPACE = 'production-sync/order-drain';

/**
 * One drain of a production order at a time, across every worker process (ADR 0009).
 *
 * In this process the calls for one order queue behind each other (a promise chain), so a process
 * never holds or waits on more than one database session per order. On PostgreSQL the drain then
 * runs while a transaction-level advisory lock on the order is held by a session of its own:
 * another replica draining the same order waits for it at the database. The lock goes with the
 * session, so a replica that dies mid-drain frees the order as soon as its connection closes —
 * no lease to expire or renew. The drain's own reads and writes run on other pooled connections
 * and commit as they go; the locking transaction does nothing but hold the lock.
 *
 * SQLite is a file of one process (production-sync on SQLite runs one process): the in-process
 * queue is all it needs.
 */
@Injectable()
export class OrderDrainLock {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `fn` once every earlier holder of the order's lock, in any process, has finished. */
  run<T>(plant: string, productionOrder: string, fn: () => Promise<T>): Promise<T> {
    const key = cursorId(plant, productionOrder);
    const locked = () =>
      this.dataSource.options.type === 'postgres' ? this.underAdvisoryLock(key, fn) : fn();
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(locked, locked);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  private async underAdvisoryLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      await session.startTransaction();
      // hashtext collisions only make two orders wait for each other, never let two drains of one in.
      await session.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
        LOCK_SPACE,
        key,
      ]);
      return await fn();
    } finally {
      // Ending the transaction frees the lock (nothing was written in it). A lost connection has
      // freed it already, so a failing rollback changes nothing.
      if (session.isTransactionActive) await session.rollbackTransaction().catch(() => undefined);
      await session.release();
    }
  }
}
