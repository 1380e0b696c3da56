import type { StoredResponse } from './idempotency.store';

/** Thrown to replay a stored error response through the exception filter unchanged. */
export class IdempotentReplay extends Error {
  constructor(readonly response: StoredResponse) {
    super('idempotent replay');
  }
}
