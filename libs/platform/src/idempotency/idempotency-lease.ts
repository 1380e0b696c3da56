import type { Logger } from '@nestjs/common';
import type { IdempotencyStore } from './idempotency.store';

/**
 * Keeps our in-flight marker alive while its request is being processed and until its response
 * is recorded: renews the lease every third of its length. A request that runs long keeps its key;
 * a holder that died, or whose request was cut off, stops renewing and the key frees within one
 * lease (IDEMPOTENCY_LOCK_SECONDS) instead of answering 409 for minutes. While Redis is away the
 * renewals fail quietly and are tried again at the next tick.
 */
export class IdempotencyLease {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly key: string,
    private readonly token: string,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  start(): this {
    const everyMs = Math.max(200, Math.floor((this.store.leaseSeconds * 1000) / 3));
    this.timer = setInterval(() => void this.renew(), everyMs);
    // A pending renewal must never keep a shutting-down process alive.
    this.timer.unref();
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private async renew(): Promise<void> {
    let ours: boolean;
    try {
      ours = await this.store.renew(this.key, this.token);
    } catch {
      return; // Redis away: the next tick tries again
    }
    if (ours || this.stopped) return;
    // The marker expired (Redis was away longer than the lease) or another request holds the key:
    // renewing cannot win it back. The response is still recorded if the key is free by then.
    this.logger.warn(`Idempotency lease on ${this.key} lost before its response was recorded`);
    this.stop();
  }
}
