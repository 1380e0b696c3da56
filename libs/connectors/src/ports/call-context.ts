/**
 * Passed explicitly to every connector call: the correlation id travels to the backend
 * (X-Correlation-ID) and postings carry an idempotency key the backend honours, so a retried call
 * never posts twice. Explicit rather than ambient so workers and scripts pass it the same way.
 */
export interface CallContext {
  correlationId?: string;
  /** Required for postings; derive it deterministically from the caller's own key. */
  idempotencyKey?: string;
}
