/**
 * Problem codes of the idempotency layer that callers act on: both mean "this request was not
 * applied by this call; send it again with the same key later", and both come from a Plantsync
 * API's own plumbing, never from the plant's backend (so they say nothing about its health).
 */
export const IdempotencyProblemCode = {
  /** 409: another request with this key is still being processed (or its holder's lease has not run out yet). */
  InFlight: 'idempotency-key-in-flight',
  /** 503: Redis is unreachable, the key cannot be recorded, the request was refused unapplied. */
  StoreUnavailable: 'idempotency-store-unavailable',
} as const;
