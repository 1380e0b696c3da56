import { currentCorrelationId, type Principal } from '@plantsync/platform';
import type { CallContext } from '../ports/call-context';

/**
 * The CallContext of a connector call made while serving an API request: the request's
 * correlation id and, for postings, a backend Idempotency-Key derived from the caller's own —
 * scoped by app and caller as the platform scopes keys — so a client retry after a timeout or a
 * 5xx never posts twice in the backend.
 */
export function requestCallContext(
  app: string,
  principal?: Principal,
  idempotencyKey?: string,
): CallContext {
  return {
    correlationId: currentCorrelationId(),
    ...(principal && idempotencyKey
      ? { idempotencyKey: `${app}:${principal.id}:${idempotencyKey}` }
      : {}),
  };
}
