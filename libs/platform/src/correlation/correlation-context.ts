import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Header carrying the correlation id, in and out (lower case as Node.js hands headers over). */
export const CORRELATION_HEADER = 'x-correlation-id';

const VALID_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface CorrelationStore {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationStore>();

/** The correlation id of the request or job being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** Runs `fn` with `id` as the current correlation id (jobs, scripts, message consumers). */
export function runWithCorrelation<T>(id: string, fn: () => T): T {
  return storage.run({ correlationId: id }, fn);
}

/**
 * The id a request continues with: the caller's when it is well-formed, otherwise a new UUID.
 * A malformed id is replaced rather than rejected, as it is only a tracing aid, but never
 * echoed, as it would end up in our logs and in headers we send to backends.
 */
export function resolveCorrelationId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && VALID_CORRELATION_ID.test(value) ? value : randomUUID();
}
