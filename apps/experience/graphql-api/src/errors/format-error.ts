import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '@nestjs/common';
import { SystemApiError } from '@plantsync/clients';
import { currentCorrelationId, ProblemException } from '@plantsync/platform';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { assertUnreachable, ErrorCode } from './error-codes';

/** Request-level codes Apollo Server sets itself; their messages describe the query, not our internals. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const OWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

const SYSTEM_NAMES = {
  'erp-api': 'ERP',
  'mes-api': 'MES',
  'wms-api': 'WMS',
  'order-release': 'order release process',
  'inventory-transfer': 'inventory transfer process',
  reconciliation: 'reconciliation process',
} as const;

interface Mapped {
  code: string;
  message: string;
  extensions?: Record<string, unknown>;
}

/** Text from a system API is meant for people, but must never carry an address. */
export function scrub(message: string): string {
  return message.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[address]').slice(0, 500);
}

/** Every classification a system API error can have, mapped exhaustively to a stable code. */
export function mapSystemApiError(e: SystemApiError): Mapped {
  const where = e.context.plant ? ` of ${e.context.plant}` : '';
  const system = SYSTEM_NAMES[e.api];
  const about = { plant: e.context.plant, system: system.toLowerCase() };
  switch (e.classification) {
    case 'not_found':
      return { code: ErrorCode.NOT_FOUND, message: scrub(e.detail ?? 'Not found.'), extensions: { reason: e.code } };
    case 'conflict':
      return { code: ErrorCode.CONFLICT, message: scrub(e.detail ?? 'The record is in a state that forbids this.'), extensions: { reason: e.code } };
    case 'invalid': {
      // The same idempotency key with other input is a conflict of the caller's own making.
      if (e.code === 'idempotency-key-reused')
        return { code: ErrorCode.CONFLICT, message: 'This clientMutationId was already used with different input.', extensions: { reason: e.code } };
      const errors = Array.isArray(e.extensions.errors) ? e.extensions.errors : undefined;
      return { code: ErrorCode.BAD_USER_INPUT, message: scrub(e.detail ?? 'The input is not valid.'), extensions: { reason: e.code, ...(errors ? { errors } : {}) } };
    }
    case 'unavailable':
    case 'timeout':
      return {
        code: ErrorCode.UPSTREAM_UNAVAILABLE,
        message: `The ${system}${where} is not answering right now. Try again shortly.`,
        extensions: { ...about, retryable: true, retryAfterSeconds: e.retryAfterSeconds },
      };
    case 'permanent':
      return {
        code: ErrorCode.UPSTREAM_UNAVAILABLE,
        message: `The ${system}${where} refused the request.`,
        extensions: { ...about, retryable: false },
      };
    default:
      return assertUnreachable(e.classification);
  }
}

/** What the platform's ValidationPipe and other HTTP-style exceptions mean on GraphQL. */
function mapProblem(e: ProblemException): Mapped {
  const errors = Array.isArray(e.extensions.errors) ? e.extensions.errors : undefined;
  if (e.getStatus() === 400 || e.getStatus() === 422)
    return { code: ErrorCode.BAD_USER_INPUT, message: scrub(e.detail ?? e.title), extensions: errors ? { errors } : {} };
  if (e.getStatus() === 401) return { code: ErrorCode.UNAUTHENTICATED, message: scrub(e.detail ?? e.title) };
  if (e.getStatus() === 403) return { code: ErrorCode.FORBIDDEN, message: scrub(e.detail ?? e.title) };
  if (e.getStatus() === 404) return { code: ErrorCode.NOT_FOUND, message: scrub(e.detail ?? e.title) };
  if (e.getStatus() === 409) return { code: ErrorCode.CONFLICT, message: scrub(e.detail ?? e.title) };
  if (e.getStatus() === 503) return { code: ErrorCode.UPSTREAM_UNAVAILABLE, message: 'A dependency is not answering right now. Try again shortly.', extensions: { retryable: true } };
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal error.' };
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * Apollo's formatError: every error leaves with a stable `extensions.code`, the correlation id,
 * and nothing else of ours — no stack, no backend address, no exception class. Unexpected errors
 * are logged with their stack and answered as INTERNAL_SERVER_ERROR.
 */
export function createFormatError(logger: Pick<Logger, 'error' | 'warn'>) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const correlationId = currentCorrelationId();
    const incomingCode = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    let mapped: Mapped;

    if (original instanceof SystemApiError) {
      mapped = mapSystemApiError(original);
      if (mapped.code === ErrorCode.UPSTREAM_UNAVAILABLE)
        logger.warn({ err: original, correlationId, path: formatted.path }, `upstream ${original.api} ${original.operation}: ${original.code}`);
    } else if (original instanceof ProblemException) {
      mapped = mapProblem(original);
    } else if (original instanceof GraphQLError && typeof original.extensions.code === 'string' && OWN_CODES.has(original.extensions.code)) {
      const { code, http: _http, ...rest } = original.extensions as Record<string, unknown>;
      mapped = { code: code as string, message: original.message, extensions: rest };
    } else if (incomingCode && APOLLO_REQUEST_CODES.has(incomingCode)) {
      // A limit rule marks its error with `limit`; the code then says so.
      const limit = formatted.extensions?.limit;
      mapped = limit
        ? { code: ErrorCode.QUERY_LIMIT_EXCEEDED, message: formatted.message, extensions: { limit } }
        : { code: incomingCode, message: formatted.message };
    } else {
      logger.error({ err: original, correlationId, path: formatted.path }, 'unexpected error in a GraphQL operation');
      mapped = { code: ErrorCode.INTERNAL_SERVER_ERROR, message: `Internal error (correlation id ${correlationId ?? 'unknown'}).` };
    }

    return {
      message: mapped.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: stripUndefined({ ...mapped.extensions, code: mapped.code, correlationId }),
    };
  };
}
