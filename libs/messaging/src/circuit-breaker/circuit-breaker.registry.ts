import { isConnectorError } from '@plantsync/connectors';
import { IdempotencyProblemCode } from '@plantsync/platform';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitState, type Clock } from './circuit-breaker';

export type SystemKind = 'erp' | 'mes' | 'wms';

/** Only a backend that is down or slow opens the circuit; a refusal is an answer, not an outage. */
export function isOutage(error: unknown): boolean {
  return isConnectorError(error) ? error.transient : true;
}

const PLATFORM_REFUSALS = new Set<string>(Object.values(IdempotencyProblemCode));

/**
 * A Plantsync API refused the call before it reached the plant's backend: its idempotency store
 * (Redis) is away (503 idempotency-store-unavailable) or an earlier try with the same key still
 * holds it (409 idempotency-key-in-flight). Counting these as outages opened every plant's circuit
 * after a Redis restart and kept work failing fast for a whole cool-down after Redis was back.
 */
export function isPlatformRefusal(error: unknown): boolean {
  return isConnectorError(error) && PLATFORM_REFUSALS.has(error.code);
}

export const DEFAULT_CIRCUIT_OPTIONS: CircuitBreakerOptions = {
  failureThreshold: 5,
  coolDownMs: 30_000,
  countsAsFailure: isOutage,
  ignores: isPlatformRefusal,
};

/**
 * One circuit per plant × system, created on first use: a dead ERP at P200 opens only
 * `P200/erp`, and calls to P100's ERP keep flowing. In-process state (see ADR 0004).
 */
export class CircuitBreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT_OPTIONS,
    private readonly clock: Clock = Date.now,
  ) {}

  run<T>(plant: string, system: SystemKind, call: () => Promise<T>): Promise<T> {
    return this.breaker(plant, system).run(call);
  }

  state(plant: string, system: SystemKind): CircuitState {
    return this.breakers.get(`${plant}/${system}`)?.currentState ?? 'closed';
  }

  private breaker(plant: string, system: SystemKind): CircuitBreaker {
    const key = `${plant}/${system}`;
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = new CircuitBreaker(this.options, { plant, system }, this.clock);
      this.breakers.set(key, breaker);
    }
    return breaker;
  }
}
