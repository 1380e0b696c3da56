/**
 * The stable codes this API puts in `extensions.code`. Clients switch on these, never on messages.
 * Apollo's own request-level codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_REQUEST)
 * pass through unchanged.
 */
export enum ErrorCode {
  /** No credential, an unknown API key or an invalid bearer token (HTTP 401). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Authenticated, but this caller may not use this field. */
  FORBIDDEN = 'FORBIDDEN',
  /** An argument is wrong; `extensions.errors` lists `{ field, message }`. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The record does not exist, or belongs to another party (indistinguishable on purpose). */
  NOT_FOUND = 'NOT_FOUND',
  /** The record's state forbids it, or an idempotency key was reused with other input. */
  CONFLICT = 'CONFLICT',
  /** A plant's system did not answer or refused; `extensions.retryable` says whether to retry. */
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  /** Depth, cost, alias, token, directive or subscriptions-per-connection limit; `extensions.limit` names which. */
  QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED',
  /** A bug on our side; the message carries only the correlation id. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export type QueryLimit = 'depth' | 'cost' | 'aliases' | 'tokens' | 'directives' | 'subscriptions';

export function assertUnreachable(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
