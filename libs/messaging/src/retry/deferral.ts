import { CircuitOpenError } from '../circuit-breaker/circuit-open.error';

/** Cause chains are short (a client error wrapping a connector error); the bound only guards cycles. */
const MAX_CAUSE_DEPTH = 5;

/**
 * When a job should simply run again later because its work was not tried at all: a circuit
 * breaker refused the call (CircuitOpenError, possibly wrapped as a client error's `cause`).
 * Returns the delay in ms (the remaining cool-down, at least 1 s), else undefined. A deferred job
 * keeps its attempts: attempts count tries that reached the backend, so an outage the breaker
 * already knows about cannot exhaust them.
 */
export function deferralOf(error: unknown): number | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth++) {
    if (current instanceof CircuitOpenError) return Math.max(1, current.retryAfterSeconds) * 1000;
    current = current.cause;
  }
  return undefined;
}
