import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { SystemApiError } from '../errors/system-api.errors';
import { MAX_SYNC_OBSERVATIONS_PER_REQUEST, type ReconciliationApiClient, type SyncObservation } from './reconciliation-api.client';

export interface SyncObservationReporterOptions {
  /** The reporting app, e.g. `production-sync`. */
  source: string;
  /** Observations kept while reconciliation cannot take them; beyond this the oldest are dropped. Default 10,000. */
  maxBuffered?: number;
  /** How long observations gather before a send (and the first retry delay). Default 1 s. */
  flushIntervalMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

const MAX_RETRY_DELAY_MS = 30_000;
const MAX_TEXT = 500;

/**
 * Reports syncs to reconciliation's sync health, best-effort: `report` only appends to a bounded
 * in-memory buffer (it never waits, never throws), and a timer sends the buffer in batches. While
 * reconciliation is unreachable the observations wait (retries back off up to 30 s); past the
 * bound the oldest are dropped with a warning. Sync health is a view of the postings, never part
 * of them: a posting must not fail or slow down because its observer is down. What is buffered
 * when the process dies is lost (figures are statistics, not records; the postings themselves
 * are in the ledger of the target systems).
 */
export class SyncObservationReporter implements OnApplicationShutdown {
  private buffer: SyncObservation[] = [];
  private timer?: NodeJS.Timeout;
  private sending?: Promise<void>;
  private failures = 0;
  private dropped = 0;
  private stopped = false;
  private readonly maxBuffered: number;
  private readonly intervalMs: number;
  private readonly logger: Pick<Logger, 'warn'>;

  constructor(
    private readonly client: ReconciliationApiClient,
    private readonly options: SyncObservationReporterOptions,
  ) {
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.intervalMs = options.flushIntervalMs ?? 1000;
    this.logger = options.logger ?? new Logger('SyncObservationReporter');
  }

  /** Queues one observation for sync health. Returns at once; never throws. */
  report(observation: Omit<SyncObservation, 'source'>): void {
    if (this.stopped) return;
    this.buffer.push({
      ...observation,
      source: this.options.source,
      ...(observation.reason ? { reason: observation.reason.slice(0, MAX_TEXT) } : {}),
      ...(observation.impact ? { impact: observation.impact.slice(0, MAX_TEXT) } : {}),
    });
    this.trim();
    this.schedule(this.intervalMs);
  }

  /** Sends what is buffered now (tests, shutdown); resolves when done or when reconciliation refused. */
  flush(): Promise<void> {
    this.sending ??= this.sendAll().finally(() => {
      this.sending = undefined;
      if (this.buffer.length > 0 && !this.stopped) this.schedule(this.retryDelay());
    });
    return this.sending;
  }

  /** Observations waiting to be sent, and dropped so far (buffer full or refused). */
  get pending(): { buffered: number; dropped: number } {
    return { buffered: this.buffer.length, dropped: this.dropped };
  }

  /** One last attempt, bounded by the client's timeout; then nothing more is taken. */
  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    this.stopped = true;
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    this.timer.unref(); // never keeps a process alive
  }

  private async sendAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, MAX_SYNC_OBSERVATIONS_PER_REQUEST);
      try {
        await this.client.recordSyncObservations({}, batch);
        this.failures = 0;
      } catch (e) {
        if (refusedForGood(e)) {
          // A 4xx (e.g. a plant reconciliation's landscape does not know): sending it again cannot help.
          this.dropped += batch.length;
          this.logger.warn(`sync health refused ${batch.length} observation(s) from ${this.options.source}; dropped: ${describe(e)}`);
          continue;
        }
        this.buffer.unshift(...batch);
        this.trim();
        if (this.failures++ === 0)
          this.logger.warn(`sync health is unreachable (${describe(e)}); ${this.buffer.length} observation(s) wait and are retried`);
        return;
      }
    }
  }

  private trim(): void {
    const over = this.buffer.length - this.maxBuffered;
    if (over <= 0) return;
    this.buffer.splice(0, over);
    if (this.dropped === 0) this.logger.warn(`sync observation buffer full (${this.maxBuffered}); dropping the oldest`);
    this.dropped += over;
  }

  private retryDelay(): number {
    return Math.min(this.intervalMs * 2 ** Math.max(0, this.failures - 1), MAX_RETRY_DELAY_MS);
  }
}

function refusedForGood(e: unknown): boolean {
  return e instanceof SystemApiError && e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;
}

function describe(e: unknown): string {
  if (e instanceof SystemApiError) return `${e.status ?? 'no answer'} ${e.code}: ${e.detail ?? e.message}`;
  return e instanceof Error ? e.message : String(e);
}
