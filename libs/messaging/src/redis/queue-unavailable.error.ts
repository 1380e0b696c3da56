import type { ClassifiedError } from '@plantsync/platform';

/**
 * Enqueueing failed because Redis is unreachable. Classified 'unavailable', so the platform's
 * problem filter answers 503 with Retry-After and the client retries with the same Idempotency-Key.
 */
export class QueueUnavailableError extends Error implements ClassifiedError {
  readonly classification = 'unavailable' as const;
  readonly code = 'queue-unavailable';
  readonly retryAfterSeconds = 5;

  constructor(
    readonly queue: string,
    cause: unknown,
  ) {
    super(`the job queue ${queue} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'QueueUnavailableError';
  }
}
