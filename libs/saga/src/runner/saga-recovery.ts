import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SagaRunner } from './saga.runner';

export interface SagaRecoveryOptions {
  /** Period of the sweep (ms). */
  intervalMs: number;
  /** A saga untouched this long is checked for a missing job (ms). */
  staleAfterMs: number;
}

export const DEFAULT_SAGA_RECOVERY: SagaRecoveryOptions = { intervalMs: 60_000, staleAfterMs: 60_000 };

/**
 * The safety net for the gaps BullMQ cannot see: a crash between a commit and the enqueue after it,
 * Redis down at start, a step job that exhausted `maxStalledCount`. Runs `recover()` at boot and
 * then periodically, in worker processes only. Several processes sweeping at once is harmless
 * (deterministic job ids).
 */
export class SagaRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SagaRecovery');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly runner: SagaRunner<object>,
    private readonly options: SagaRecoveryOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  sweep(): Promise<void> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = this.runner
      .recover(this.options.staleAfterMs)
      .then((n) => {
        if (n > 0) this.logger.warn(`re-enqueued ${n} stuck ${this.runner.definition.type} saga job(s)`);
      })
      .catch((e: unknown) => this.logger.warn(`saga recovery sweep failed: ${(e as Error).message}`))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }
}
