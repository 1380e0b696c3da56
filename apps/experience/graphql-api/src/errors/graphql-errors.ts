import { GraphQLError } from 'graphql';
import { ErrorCode, type QueryLimit } from './error-codes';

/** An error this API raises on purpose: its message is written for the caller. */
export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, httpStatus?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { ...extensions, code, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

export const unauthenticated = (message: string) =>
  apiError(ErrorCode.UNAUTHENTICATED, message, {}, 401);

export const forbidden = (message = 'You may not read or change this.') => apiError(ErrorCode.FORBIDDEN, message);

export const notFound = (message: string) => apiError(ErrorCode.NOT_FOUND, message);

export const badUserInput = (message: string, errors: Array<{ field: string; message: string }> = []) =>
  apiError(ErrorCode.BAD_USER_INPUT, message, errors.length ? { errors } : {});

export const queryLimitExceeded = (limit: QueryLimit, message: string) =>
  apiError(ErrorCode.QUERY_LIMIT_EXCEEDED, message, { limit }, 400);
