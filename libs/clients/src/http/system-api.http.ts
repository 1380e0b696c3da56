import {
  BackendTimeoutError,
  BackendUnavailableError,
  type CallContext,
  ConnectorError,
  ConnectorHttpClient,
  type HttpRequest,
} from '@plantsync/connectors';
import type { SystemBinding } from '@plantsync/landscape';
import { CircuitOpenError } from '@plantsync/messaging';
import { ACTING_FOR_HEADER, currentCorrelationId } from '@plantsync/platform';
import { type CallSite, errorFromAnswer } from '../errors/problem-to-error';
import {
  SystemApiError,
  type SystemApiName,
  SystemApiRejectedError,
  SystemApiTimeoutError,
  SystemApiUnavailableError,
} from '../errors/system-api.errors';

export const API_KEY_HEADER = 'x-api-key';
/**
 * The X-Acting-For header (libs/platform's ACTING_FOR_HEADER), or none: the person a service-key
 * call is made for (`planner:demo-planner`, `jwt:alice`). Process APIs accept it only from the
 * service role and record it as the actor (docs/clients.md).
 */
export const actingForHeaders = (actingFor?: string): Record<string, string> | undefined => (actingFor ? { [ACTING_FOR_HEADER]: actingFor } : undefined);
export const DEFAULT_SYSTEM_API_TIMEOUT_MS = 10_000;

/** How to reach one system API. */
export interface SystemApiClientOptions {
  baseUrl: string;
  /** The `service` API key the system APIs admit process and experience apps with. */
  apiKey: string;
  /** Bound on every call; default 10 s. */
  timeoutMs?: number;
  /**
   * Wraps every call that names a plant, e.g. a circuit breaker per plant × system so a dead ERP
   * at P200 fails fast instead of tying up workers that P100's work needs (see circuitBreakerGuard).
   */
  guard?: CallGuard;
}

/** Runs `call` on behalf of `site`; may refuse it (throw) without calling. */
export type CallGuard = <T>(site: { api: SystemApiName; plant: string }, call: () => Promise<T>) => Promise<T>;

export type Query = Record<string, string | number | boolean | undefined>;

export interface SystemApiCall {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  operation: string;
  plant?: string;
  query?: Query;
  body?: unknown;
  /** Extra request headers, e.g. X-Acting-For. */
  headers?: Record<string, string>;
  /** A body sent as is (B2MML), instead of JSON-serialising `body`. */
  rawBody?: string;
  contentType?: string;
}

/**
 * The HTTP layer every client shares: ConnectorHttpClient (timeout, X-Correlation-ID,
 * Idempotency-Key) plus the service key, and every failure as a SystemApiError.
 */
export class SystemApiHttp {
  private readonly http: ConnectorHttpClient;
  private readonly guard?: CallGuard;
  readonly timeoutMs: number;

  constructor(
    readonly api: SystemApiName,
    options: SystemApiClientOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SYSTEM_API_TIMEOUT_MS;
    this.guard = options.guard;
    const binding: SystemBinding = { connector: api, baseUrl: options.baseUrl, timeoutMs: this.timeoutMs, options: {} };
    const apiKey = options.apiKey;
    this.http = new ConnectorHttpClient(binding, { connector: api }, (headers) => {
      headers[API_KEY_HEADER] = apiKey;
    });
  }

  async call<T>(ctx: CallContext, call: SystemApiCall): Promise<T> {
    const site: CallSite = { api: this.api, operation: call.operation, plant: call.plant };
    // The caller's correlation id, else the one of the request being served; a GET never needs a key.
    const context: CallContext = {
      correlationId: ctx.correlationId ?? currentCorrelationId(),
      idempotencyKey: call.method === 'POST' ? ctx.idempotencyKey : undefined,
    };
    const request: HttpRequest = {
      method: call.method,
      path: call.path,
      query: call.query,
      body: call.body,
      headers: call.headers,
      ...(call.rawBody !== undefined ? { rawBody: call.rawBody, contentType: call.contentType } : {}),
      operation: call.operation,
      mapError: (answer) => errorFromAnswer(answer, site),
    };
    const send = () => this.http.json<T>(context, request);
    try {
      return await (this.guard && call.plant ? this.guard({ api: this.api, plant: call.plant }, send) : send());
    } catch (e) {
      throw this.asSystemApiError(e, site);
    }
  }

  /** Network-level failures ConnectorHttpClient raised itself (no answer, or an unreadable one). */
  private asSystemApiError(e: unknown, site: CallSite): unknown {
    if (e instanceof SystemApiError || !(e instanceof ConnectorError)) return e;
    if (e instanceof BackendTimeoutError)
      return new SystemApiTimeoutError({
        ...site,
        classification: 'timeout',
        code: 'system-api-timeout',
        detail: `no answer within ${this.timeoutMs} ms`,
        cause: e,
      });
    // Nothing was sent; the cause stays attached so a job defers instead of spending an attempt.
    if (e instanceof CircuitOpenError)
      return new SystemApiUnavailableError({
        ...site,
        classification: 'unavailable',
        code: 'circuit-open',
        detail: e.message,
        retryAfterSeconds: e.retryAfterSeconds,
        cause: e,
      });
    if (e instanceof BackendUnavailableError)
      return new SystemApiUnavailableError({
        ...site,
        classification: 'unavailable',
        code: 'system-api-unreachable',
        detail: e.message.replace(/^the .* system is unreachable/, `${this.api} is unreachable`),
        retryAfterSeconds: e.retryAfterSeconds,
        cause: e,
      });
    return new SystemApiRejectedError({
      ...site,
      classification: 'permanent',
      code: 'system-api-bad-answer',
      detail: e.message,
      cause: e,
    });
  }
}

/** Encodes one path segment (plant codes, order numbers such as MO-P100-0003, ids). */
export const seg = (value: string): string => encodeURIComponent(value);
