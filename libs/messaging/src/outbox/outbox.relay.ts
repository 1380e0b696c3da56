import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import type { CloudEvent } from '../events/cloud-event';
import { deliveryJobId, eventQueueName, subscribersOf, type EventSubscription } from '../inbox/event-subscription';
import type { QueueRegistry } from '../jobs/queue-registry';
import { OutboxEvent } from './outbox-event.entity';

export interface OutboxRelayOptions {
  /** Rows claimed per round. */
  batchSize: number;
  /** Poll period when nobody nudges (ms). */
  pollIntervalMs: number;
  /** A claim older than this is abandoned (its relay died) and may be taken over (ms). */
  claimTimeoutMs: number;
}

export const DEFAULT_RELAY_OPTIONS: OutboxRelayOptions = { batchSize: 100, pollIntervalMs: 1000, claimTimeoutMs: 30_000 };

/**
 * Publishes outbox rows to every subscriber's queue, then marks them published.
 *
 * Several relays may run (one per replica). Each round claims a batch with a compare-and-set UPDATE
 * (`… SET claimedBy = <token> WHERE id IN (…) AND publishedAt IS NULL AND claim is free or stale`),
 * which works the same on SQLite (writers serialise) and PostgreSQL (the second UPDATE waits for the
 * first's row locks, re-checks the WHERE and skips the rows). A relay that dies between publishing and
 * marking leaves its claim to go stale; the next relay publishes again and the deterministic job id
 * `<subscriber>-<event id>` makes BullMQ ignore the duplicate (while the job is retained, see
 * RetryPolicy.keepCompleted), and consumers' inboxes catch anything older.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly subscriptions: readonly EventSubscription[],
    private readonly options: OutboxRelayOptions = DEFAULT_RELAY_OPTIONS,
  ) {}

  private get repo(): Repository<OutboxEvent> {
    return this.dataSource.getRepository(OutboxEvent);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Publish now instead of at the next poll; call after committing a transaction that wrote events. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** One round: claim, publish, mark. Returns how many rows it published. */
  async runOnce(): Promise<number> {
    const rows = await this.claim();
    if (rows.length === 0) return 0;
    await this.publish(rows);
    await this.markPublished(rows);
    return rows.length;
  }

  async claim(now = new Date()): Promise<OutboxEvent[]> {
    const stale = new Date(now.getTime() - this.options.claimTimeoutMs);
    const candidates = await this.repo
      .createQueryBuilder('o')
      .select('o.id')
      .where('o.publishedAt IS NULL')
      .andWhere('(o.claimedAt IS NULL OR o.claimedAt < :stale)', { stale })
      .orderBy('o.createdAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(this.options.batchSize)
      .getMany();
    if (candidates.length === 0) return [];
    const token = randomUUID();
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ claimedBy: token, claimedAt: now, attempts: () => '"attempts" + 1' })
      .where('id IN (:...ids)', { ids: candidates.map((c) => c.id) })
      .andWhere('"publishedAt" IS NULL')
      .andWhere('("claimedAt" IS NULL OR "claimedAt" < :stale)', { stale })
      .execute();
    // Read back by primary key among the candidates: `publishedAt IS NULL` alone would walk the
    // whole unpublished backlog on every round, which is exactly when the relay is behind.
    return this.repo
      .createQueryBuilder('o')
      .where('o.id IN (:...ids)', { ids: candidates.map((c) => c.id) })
      .andWhere('o.claimedBy = :token AND o.publishedAt IS NULL', { token })
      .orderBy('o.createdAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
  }

  /**
   * Adds each row to each subscriber's queue, in row order. Safe to repeat (deterministic job ids).
   * One bulk add per subscriber queue: a round of 100 rows is one Redis round trip per queue
   * instead of 100 (the relay shares the process with the API it serves).
   */
  async publish(rows: readonly OutboxEvent[]): Promise<void> {
    const perQueue = new Map<string, Array<{ name: string; data: unknown; opts: { jobId: string } }>>();
    for (const row of rows) {
      const event = JSON.parse(row.payload) as CloudEvent;
      for (const subscriber of subscribersOf(this.subscriptions, row.type)) {
        const queue = eventQueueName(subscriber);
        let jobs = perQueue.get(queue);
        if (!jobs) perQueue.set(queue, (jobs = []));
        jobs.push({ name: row.type, data: event, opts: { jobId: deliveryJobId(subscriber, row.id) } });
      }
    }
    await Promise.all([...perQueue].map(([queue, jobs]) => this.queues.addBulk(queue, jobs)));
  }

  async markPublished(rows: readonly OutboxEvent[]): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ publishedAt: new Date() })
      .where('id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .execute();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.runOnce();
      } catch (e) {
        this.logger.warn(`outbox relay round failed, retrying at the next poll: ${(e as Error).message}`);
      }
      if (published < this.options.batchSize) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    if (this.nudged || !this.running) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.nudged = false;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs);
      this.wake = done;
    });
  }
}
