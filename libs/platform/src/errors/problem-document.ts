import { HttpException, HttpStatus } from '@nestjs/common';
import { ClassifiedError, isClassifiedError } from './classified-error';
import { PROBLEM_TYPE_BASE, ProblemException } from './problem.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The RFC 9457 body we send. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  [extension: string]: unknown;
}

export interface RenderedProblem {
  status: number;
  headers: Record<string, string>;
  body: ProblemDocument;
  /** True when the cause was not an expected error and must be logged with its stack. */
  unexpected: boolean;
}

const CLASSIFIED_STATUS: Record<ClassifiedError['classification'], number> = {
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  timeout: 504,
  invalid: 400,
  permanent: 502,
};

const CLASSIFIED_TITLE: Record<ClassifiedError['classification'], string> = {
  not_found: 'Not found',
  conflict: 'Conflict',
  unavailable: 'Backend unavailable',
  timeout: 'Backend timed out',
  invalid: 'Invalid request',
  permanent: 'Backend refused the request',
};

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** 'Not Found' → 'not-found': a slug for Nest's and Fastify's own HTTP errors. */
function slugForStatus(status: number): string {
  const phrase = Object.entries(HttpStatus).find(([, v]) => v === status)?.[0];
  return phrase ? phrase.toLowerCase().replace(/_/g, '-') : `http-${status}`;
}

function titleForStatus(status: number): string {
  const slug = slugForStatus(status);
  return slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');
}

/** Fastify's own errors (bad JSON, unsupported media type, body too large) carry statusCode and an FST_ code. */
function isFastifyClientError(e: unknown): e is Error & { statusCode: number; code?: string } {
  if (!(e instanceof Error)) return false;
  const statusCode = (e as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

function fromHttpException(e: HttpException): Pick<ProblemDocument, 'title' | 'detail' | 'type'> {
  const response = e.getResponse();
  let detail: string | undefined;
  if (typeof response === 'string') detail = response;
  else if (typeof response === 'object' && response !== null) {
    const message = (response as { message?: unknown }).message;
    if (typeof message === 'string') detail = message;
    else if (Array.isArray(message)) detail = message.join('; ');
  }
  const status = e.getStatus();
  return { type: PROBLEM_TYPE_BASE + slugForStatus(status), title: titleForStatus(status), detail };
}

/**
 * Turns anything thrown while handling a request into the problem document to send.
 * Pure, so the exception filter and the idempotency store render exactly the same thing.
 */
export function renderProblem(
  exception: unknown,
  instance: string,
  correlationId?: string,
): RenderedProblem {
  const headers: Record<string, string> = {};
  let status: number;
  let head: Pick<ProblemDocument, 'type' | 'title' | 'detail'>;
  let extensions: Record<string, unknown> = {};
  let unexpected = false;

  if (exception instanceof ProblemException) {
    status = exception.getStatus();
    head = { type: exception.type, title: exception.title, detail: exception.detail };
    extensions = exception.extensions;
    Object.assign(headers, exception.headers);
    if (exception.retryAfterSeconds !== undefined)
      headers['retry-after'] = String(exception.retryAfterSeconds);
  } else if (exception instanceof HttpException) {
    status = exception.getStatus();
    head = fromHttpException(exception);
    unexpected = status >= 500;
  } else if (isClassifiedError(exception)) {
    status = CLASSIFIED_STATUS[exception.classification];
    head = {
      type: PROBLEM_TYPE_BASE + exception.code,
      title: CLASSIFIED_TITLE[exception.classification],
      detail: exception.message,
    };
    extensions = { ...(exception.details ?? {}) };
    if (exception.classification === 'unavailable') {
      headers['retry-after'] = String(exception.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
    } else if (exception.retryAfterSeconds !== undefined) {
      headers['retry-after'] = String(exception.retryAfterSeconds);
    }
  } else if (isFastifyClientError(exception)) {
    status = exception.statusCode;
    head = {
      type: PROBLEM_TYPE_BASE + slugForStatus(status),
      title: titleForStatus(status),
      detail: exception.message,
    };
  } else {
    status = 500;
    head = {
      type: PROBLEM_TYPE_BASE + 'internal-error',
      title: 'Internal server error',
      detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
    };
    unexpected = true;
  }

  // Extension members never override the standard ones.
  const body: ProblemDocument = {
    ...extensions,
    type: head.type,
    title: head.title,
    status,
    ...(head.detail !== undefined ? { detail: head.detail } : {}),
    instance,
    ...(correlationId !== undefined ? { correlationId } : {}),
  };
  return { status, headers, body, unexpected };
}
