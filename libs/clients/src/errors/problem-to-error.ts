import type { ConnectorErrorClassification } from '@plantsync/connectors';
import { IdempotencyProblemCode } from '@plantsync/platform';
import {
  IllegalStatusTransitionError,
  InsufficientStockError,
  SystemApiConflictError,
  SystemApiError,
  type SystemApiErrorInit,
  SystemApiInvalidRequestError,
  type SystemApiName,
  SystemApiNotFoundError,
  SystemApiRejectedError,
  SystemApiTimeoutError,
  SystemApiUnavailableError,
} from './system-api.errors';

/** What a failed HTTP answer carries; the same shape ConnectorHttpClient hands its `mapError` hook. */
export interface FailedAnswer {
  status: number;
  text: string;
  headers: Headers;
}

export interface CallSite {
  api: SystemApiName;
  operation: string;
  plant?: string;
}

/** Members RFC 9457 and libs/platform define; everything else is an extension the caller may need. */
const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'correlationId']);

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** Retry-After in seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(1, Math.ceil((date - now) / 1000));
}

interface ParsedProblem {
  type?: string;
  title?: string;
  detail?: string;
  correlationId?: string;
  extensions: Record<string, unknown>;
}

/** The problem document in `text`, if it is one (any JSON object with a string `type` or `title`). */
function parseProblem(text: string): ParsedProblem | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const doc = parsed as Record<string, unknown>;
  if (typeof doc.type !== 'string' && typeof doc.title !== 'string') return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    type: str(doc.type),
    title: str(doc.title),
    detail: str(doc.detail),
    correlationId: str(doc.correlationId),
    extensions: Object.fromEntries(Object.entries(doc).filter(([k]) => !STANDARD_MEMBERS.has(k))),
  };
}

/** `https://plantsync.dev/problems/insufficient-stock` → `insufficient-stock`; `about:blank` → undefined. */
export function problemCode(type: string | undefined): string | undefined {
  if (!type || type === 'about:blank') return undefined;
  return type.replace(/\/+$/, '').split('/').pop() || undefined;
}

/**
 * What a status means to the caller. A 502 is only permanent when a Plantsync API said so in a
 * problem document (its backend refused); a bare 502 comes from a proxy and is worth a retry.
 * A 409 idempotency-key-in-flight means "the first attempt is still running": retry later.
 */
function classify(status: number, code: string | undefined, isProblem: boolean): ConnectorErrorClassification {
  if (status === 409 && code === IdempotencyProblemCode.InFlight) return 'unavailable';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401 || status === 403) return 'permanent';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'unavailable';
  if (status === 502) return isProblem ? 'permanent' : 'unavailable';
  if (status >= 500) return 'unavailable';
  return 'permanent';
}

type ErrorClass = new (init: SystemApiErrorInit) => SystemApiError;

const BY_CODE: Record<string, ErrorClass> = {
  'insufficient-stock': InsufficientStockError,
  'illegal-status-transition': IllegalStatusTransitionError,
};

const BY_CLASSIFICATION: Record<ConnectorErrorClassification, ErrorClass> = {
  not_found: SystemApiNotFoundError,
  conflict: SystemApiConflictError,
  invalid: SystemApiInvalidRequestError,
  permanent: SystemApiRejectedError,
  unavailable: SystemApiUnavailableError,
  timeout: SystemApiTimeoutError,
};

/**
 * Turns a system API's error answer into a typed, classified error that keeps the problem's code,
 * status, detail and extension members. Pure: unit-tested without a network.
 */
export function errorFromAnswer(answer: FailedAnswer, site: CallSite): SystemApiError {
  const problem = parseProblem(answer.text);
  const code = problemCode(problem?.type) ?? `http-${answer.status}`;
  const classification = classify(answer.status, code, problem !== undefined);
  const transient = classification === 'unavailable' || classification === 'timeout';
  const retryAfter = parseRetryAfter(answer.headers.get('retry-after'));
  const Cls = (classification === 'conflict' ? BY_CODE[code] : undefined) ?? BY_CLASSIFICATION[classification];
  return new Cls({
    ...site,
    classification,
    code,
    status: answer.status,
    problemType: problem?.type,
    title: problem?.title,
    detail: problem?.detail ?? (problem ? undefined : summarize(answer.text, answer.status)),
    extensions: problem?.extensions ?? {},
    retryAfterSeconds: transient ? (retryAfter ?? (classification === 'unavailable' ? DEFAULT_RETRY_AFTER_SECONDS : undefined)) : retryAfter,
    correlationId: problem?.correlationId ?? answer.headers.get('x-correlation-id') ?? undefined,
  });
}

/** A short, safe text for a non-problem answer: never a whole HTML page. */
function summarize(text: string, status: number): string {
  const flat = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return flat ? `answered ${status}: ${flat.slice(0, 200)}` : `answered ${status}`;
}
