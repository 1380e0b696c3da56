import type { ConnectorErrorContext } from '@plantsync/connectors';
import { CircuitOpenError } from './circuit-open.error';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through (ms). */
  coolDownMs: number;
  /** Which errors count as the backend failing; others (a rejected order, a 404) count as answers. */
  countsAsFailure?: (error: unknown) => boolean;
  /**
   * Errors that tell nothing about the backend's health (neither a failure nor an answer), e.g. a
   * system API refusing a request unapplied because its own Redis is away: they leave the circuit as it is.
   */
  ignores?: (error: unknown) => boolean;
}

export type Clock = () => number;

/**
 * closed → (failureThreshold consecutive failures) → open → (coolDownMs) → half-open: one trial
 * call; success closes, failure opens again for another cool-down. While open (and while the
 * half-open trial runs) calls fail fast with CircuitOpenError (a BackendUnavailableError),
 * retryAfter = remaining cool-down. State is in-process: each replica learns on its own (a few extra calls per replica).
 */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: CircuitBreakerOptions,
    private readonly context: ConnectorErrorContext = {},
    private readonly clock: Clock = Date.now,
  ) {}

  get currentState(): CircuitState {
    if (this.state === 'open' && this.remainingCoolDownMs() === 0) return 'half-open';
    return this.state;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    this.beforeCall();
    try {
      const result = await call();
      this.onSuccess();
      return result;
    } catch (error) {
      if (this.options.ignores?.(error)) this.onNoVerdict();
      else if (this.options.countsAsFailure?.(error) ?? true) this.onFailure();
      else this.onSuccess();
      throw error;
    }
  }

  private beforeCall(): void {
    const state = this.currentState;
    if (state === 'closed') return;
    if (state === 'half-open' && !this.trialInFlight) {
      this.state = 'half-open';
      this.trialInFlight = true;
      return;
    }
    const wait = Math.max(1, Math.ceil(this.remainingCoolDownMs() / 1000));
    throw new CircuitOpenError(this.context, wait);
  }

  /** A call whose outcome says nothing about the backend: a half-open trial just ends. */
  private onNoVerdict(): void {
    this.trialInFlight = false;
  }

  private onSuccess(): void {
    this.state = 'closed';
    this.failures = 0;
    this.trialInFlight = false;
  }

  private onFailure(): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.state === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.state = 'open';
      this.openedAt = this.clock();
    }
  }

  private remainingCoolDownMs(): number {
    return Math.max(0, this.openedAt + this.options.coolDownMs - this.clock());
  }
}
