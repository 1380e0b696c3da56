import type { DataSource, EntityManager } from 'typeorm';
import { serialisedTransaction } from './serialised-transaction';

/**
 * Writes the requests of one flush in one transaction and returns one result per request, in the
 * order given. It runs inside the transaction: anything it reads or decides is part of the commit.
 */
export type GroupWrite<TRequest, TResult> = (
  manager: EntityManager,
  requests: readonly TRequest[],
) => Promise<TResult[]>;

export interface GroupCommitOptions<TRequest> {
  /**
   * Upper bound on the summed weight of one flush (keeps a transaction short); a single request
   * heavier than this still gets a flush of its own. Default: no bound.
   */
  maxWeightPerFlush?: number;
  /** A request's weight, e.g. how many rows it writes. Default 1. */
  weightOf?: (request: TRequest) => number;
  /** Called after every committed flush (e.g. to nudge an outbox relay once instead of per request). */
  afterCommit?: () => void;
}

interface Pending<TRequest, TResult> {
  request: TRequest;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: concurrent callers' writes are coalesced into one transaction, so N requests that
 * arrive together cost one BEGIN/COMMIT (one WAL fsync on SQLite) instead of N serialised ones.
 *
 * `submit` resolves only after the transaction holding the request committed, with the result the
 * GroupWrite computed for that request; if the flush fails, every request in it is rejected with
 * the same error and nothing of any of them was committed. At most one flush runs at a time per
 * instance: requests submitted while one runs wait and form the next flush. A flush starts on
 * `setImmediate`, i.e. after the event loop has handed every request already read from the sockets
 * to its handler, so it costs an idle caller no timer delay.
 */
export class GroupCommit<TRequest, TResult> {
  private pending: Pending<TRequest, TResult>[] = [];
  private flushScheduled = false;
  private flushing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly write: GroupWrite<TRequest, TResult>,
    private readonly options: GroupCommitOptions<TRequest> = {},
  ) {}

  /** Queues the request for the next flush; resolves with its result once that flush committed. */
  submit(request: TRequest): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.flushing || this.pending.length === 0) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    const group = this.takeGroup();
    try {
      const results = await serialisedTransaction(this.dataSource, async (manager) => {
        const computed = await this.write(
          manager,
          group.map((p) => p.request),
        );
        // Checked before the commit: a result missing for some caller rolls the whole flush back.
        if (computed.length !== group.length)
          throw new Error(
            `group write returned ${computed.length} results for ${group.length} requests`,
          );
        return computed;
      });
      group.forEach((p, i) => p.resolve(results[i]));
    } catch (error) {
      for (const p of group) p.reject(error);
      return;
    } finally {
      this.flushing = false;
      this.scheduleFlush();
    }
    // Outside the try: the flush committed, so its requests stay resolved whatever this hook does.
    try {
      this.options.afterCommit?.();
    } catch {
      // a failing hook must not turn a committed flush into a failed one
    }
  }

  /** The oldest pending requests up to the weight bound (always at least one). */
  private takeGroup(): Pending<TRequest, TResult>[] {
    const max = this.options.maxWeightPerFlush ?? Infinity;
    const weightOf = this.options.weightOf ?? (() => 1);
    let weight = 0;
    let count = 0;
    while (count < this.pending.length) {
      const next = weightOf(this.pending[count].request);
      if (count > 0 && weight + next > max) break;
      weight += next;
      count++;
    }
    return this.pending.splice(0, count);
  }
}
