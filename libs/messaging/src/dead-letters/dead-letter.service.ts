import { randomUUID } from 'node:crypto';
import type { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import type { QueueRegistry } from '../jobs/queue-registry';
import { decodeCursor, encodeCursor } from './dead-letter-cursor';
import { DeadLetter, type DeadLetterStatus } from './dead-letter.entity';
import { DeadLetterNotFoundError, DeadLetterStateError } from './dead-letter.errors';
import { businessKeyOf, correlationIdOf } from './business-key';

export interface DeadLetterInput {
  queue: string;
  jobName: string;
  jobId: string;
  payload: unknown;
  reason: string;
  attempts: number;
  lastError: string;
}

export interface DeadLetterFilter {
  queue?: string;
  jobName?: string;
  reason?: string;
  businessKey?: string;
  status?: DeadLetterStatus;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  nextCursor: string | null;
}

/** The job id of the n-th replay: `<original>-replay-<n>` (never ':' — BullMQ forbids it). */
export function replayJobId(jobId: string): string {
  const m = /^(.*)-replay-(\d+)$/.exec(jobId);
  return m ? `${m[1]}-replay-${Number(m[2]) + 1}` : `${jobId}-replay-1`;
}

/** Records, lists, replays and discards dead letters. */
export class DeadLetterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  private get repo(): Repository<DeadLetter> {
    return this.dataSource.getRepository(DeadLetter);
  }

  /** Once per (queue, jobId): a second final-failure report of the same job is ignored. */
  async record(input: DeadLetterInput): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .insert()
      .values({
        id: randomUUID(),
        queue: input.queue,
        jobName: input.jobName,
        jobId: input.jobId,
        payload: JSON.stringify(input.payload),
        reason: input.reason.slice(0, 128),
        attempts: input.attempts,
        lastError: input.lastError.slice(0, 4000),
        correlationId: correlationIdOf(input.payload).slice(0, 64),
        businessKey: businessKeyOf(input.payload)?.slice(0, 128) ?? null,
        createdAt: new Date(),
        status: 'open',
        discardReason: null,
        replayCount: 0,
      })
      .orIgnore()
      .execute();
  }

  async get(id: string): Promise<DeadLetter> {
    const found = await this.repo.findOneBy({ id });
    if (!found) throw new DeadLetterNotFoundError(id);
    return found;
  }

  /** Newest first, `limit` per page; pass `nextCursor` back as `cursor` for the next page. */
  async list(filter: DeadLetterFilter, page: { cursor?: string; limit?: number } = {}): Promise<DeadLetterPage> {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
    const qb = this.filtered(filter).orderBy('dl.createdAt', 'DESC').addOrderBy('dl.id', 'DESC').take(limit + 1);
    const cursor = page.cursor ? decodeCursor(page.cursor) : undefined;
    if (cursor)
      qb.andWhere('(dl.createdAt < :at OR (dl.createdAt = :at AND dl.id < :id))', { at: cursor.createdAt, id: cursor.id });
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  /**
   * Re-enqueues the payload unchanged (same correlation id) under `<jobId>-replay-<n>`. Only an open
   * dead letter replays, and the status flips first with a compare-and-set, so two clicks replay once.
   */
  async replay(id: string): Promise<{ jobId: string }> {
    const dl = await this.get(id);
    const claimed = await this.repo
      .createQueryBuilder()
      .update()
      .set({ status: 'replayed', replayCount: () => '"replayCount" + 1' })
      .where('id = :id AND status = :open', { id, open: 'open' })
      .execute();
    if (!claimed.affected) throw new DeadLetterStateError(id, (await this.get(id)).status);
    const jobId = replayJobId(dl.jobId);
    try {
      await this.queues.add(dl.queue, dl.jobName, JSON.parse(dl.payload), { jobId });
    } catch (e) {
      await this.repo.update({ id, status: 'replayed' }, { status: 'open', replayCount: dl.replayCount });
      throw e;
    }
    return { jobId };
  }

  /** Replays every open dead letter matching the filter (at most `max`). */
  async replayMany(filter: Omit<DeadLetterFilter, 'status'>, max = 500): Promise<{ replayed: string[]; failed: string[] }> {
    const rows = await this.filtered({ ...filter, status: 'open' }).orderBy('dl.createdAt', 'ASC').take(max).getMany();
    const replayed: string[] = [];
    const failed: string[] = [];
    for (const row of rows) {
      try {
        await this.replay(row.id);
        replayed.push(row.id);
      } catch {
        failed.push(row.id);
      }
    }
    return { replayed, failed };
  }

  async discard(id: string, reason: string): Promise<DeadLetter> {
    const result = await this.repo.update({ id, status: 'open' }, { status: 'discarded', discardReason: reason.slice(0, 500) });
    if (!result.affected) throw new DeadLetterStateError(id, (await this.get(id)).status);
    return this.get(id);
  }

  private filtered(filter: DeadLetterFilter): SelectQueryBuilder<DeadLetter> {
    const qb = this.repo.createQueryBuilder('dl');
    for (const key of ['queue', 'jobName', 'reason', 'businessKey', 'status'] as const)
      if (filter[key] !== undefined) qb.andWhere(`dl.${key} = :${key}`, { [key]: filter[key] });
    return qb;
  }
}
