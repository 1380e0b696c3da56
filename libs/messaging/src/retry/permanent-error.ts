import { UnrecoverableError } from 'bullmq';
import { isClassifiedError } from '@plantsync/platform';

const TRANSIENT = new Set(['unavailable', 'timeout']);

/**
 * Whether retrying cannot help: BullMQ's UnrecoverableError, a ConnectorError with
 * `transient === false`, or any classified error (platform's ClassifiedError) that is not
 * 'unavailable'/'timeout'. Unclassified errors (bugs, network hiccups) are retried.
 */
export function isPermanentError(error: unknown): boolean {
  if (error instanceof UnrecoverableError) return true;
  if (typeof error === 'object' && error !== null && 'transient' in error && typeof error.transient === 'boolean')
    return !error.transient;
  return isClassifiedError(error) && !TRANSIENT.has(error.classification);
}

/** A short code for dead-letter reasons: the classified error's code, else its name. */
export function errorReason(error: unknown): string {
  if (isClassifiedError(error)) return error.code;
  if (error instanceof Error) return error.name === 'Error' ? 'error' : error.name;
  return 'unknown';
}

/** Turns a permanent error into BullMQ's UnrecoverableError so the job skips its remaining attempts. */
export function toBullMqError(error: unknown): Error {
  if (!isPermanentError(error) || error instanceof UnrecoverableError)
    return error instanceof Error ? error : new Error(String(error));
  const wrapped = new UnrecoverableError(`${errorReason(error)}: ${(error as Error).message}`);
  return wrapped;
}
