import type { Logger } from '@nestjs/common';
import type { IdempotencyLease } from './idempotency-lease';
import type { IdempotencyStore, StoredResponse } from './idempotency.store';

export interface RecordRetrySettings {
  /** First background retry after this many ms; doubles per retry up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Stop trying (and let the lease run out) once this much time has passed since the first failure. */
  giveUpAfterMs: number;
}

/**
 * Short steps so that a key is answered with its replay within ~2 s of Redis coming back (a client
 * retrying the same key meanwhile gets 409, which it treats as "retry later"); five minutes covers
 * a Redis restart or failover.
 */
export const DEFAULT_RECORD_RETRY: RecordRetrySettings = {
  firstDelayMs: 250,
  maxDelayMs: 2000,
  giveUpAfterMs: 5 * 60_000,
};

/**
 * Records the response of an applied request under its Idempotency-Key. The change is applied by
 * then, so failing to record it must not turn success into an error: if Redis is away the recorder
 * keeps trying in the background while the lease keeps the key in flight, and the client's retry is
 * answered with the replay once Redis is back — never by running the request a second time.
 */
export class IdempotentResponseRecorder {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly logger: Pick<Logger, 'warn' | 'error'>,
    private readonly retry: RecordRetrySettings = DEFAULT_RECORD_RETRY,
  ) {}

  async record(
    key: string,
    token: string,
    fingerprint: string,
    response: StoredResponse,
    lease: IdempotencyLease,
  ): Promise<void> {
    try {
      this.settled(key, await this.store.complete(key, token, fingerprint, response), lease);
    } catch (e) {
      this.logger.error(
        `Could not store idempotent response for ${key}: ${(e as Error).message}; retrying in the background`,
      );
      this.retryLater(key, token, fingerprint, response, lease, 1, Date.now());
    }
  }

  private retryLater(
    key: string,
    token: string,
    fingerprint: string,
    response: StoredResponse,
    lease: IdempotencyLease,
    attempt: number,
    firstFailureAt: number,
  ): void {
    const delayMs = Math.min(this.retry.firstDelayMs * 2 ** (attempt - 1), this.retry.maxDelayMs);
    setTimeout(() => {
      this.store.complete(key, token, fingerprint, response).then(
        (written) => {
          if (written) this.logger.warn(`Stored idempotent response for ${key} after ${attempt} retries`);
          this.settled(key, written, lease);
        },
        (e: Error) => {
          if (Date.now() - firstFailureAt + delayMs < this.retry.giveUpAfterMs) {
            this.retryLater(key, token, fingerprint, response, lease, attempt + 1, firstFailureAt);
            return;
          }
          lease.stop();
          this.logger.error(`Gave up storing idempotent response for ${key}: ${e.message}`);
        },
      );
    }, delayMs).unref();
  }

  private settled(key: string, written: boolean, lease: IdempotencyLease): void {
    lease.stop();
    if (!written)
      this.logger.warn(
        `Idempotent response for ${key} not stored: another request holds the key (our lease ran out while Redis was away)`,
      );
  }
}
