import type { SystemBinding } from '@plantsync/landscape';
import type { CallContext } from '../ports/call-context';
import {
  BackendRejectedError,
  BackendTimeoutError,
  BackendUnavailableError,
  ConnectorError,
  ConnectorErrorContext,
  RecordConflictError,
  RecordNotFoundError,
} from '../errors/connector.errors';
import { httpExchange, type HttpExchangeResponse } from './http-exchange';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON-serialised unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  accept?: string;
  headers?: Record<string, string>;
  /** Names the call in errors and logs, e.g. `mrp.production.button_plan`. */
  operation: string;
  /** What a 404 means, e.g. { recordType: 'ProductionOrder', recordId: '118' }. */
  notFound?: { recordType: string; recordId: string };
  /**
   * Reads the backend's own error body first (e.g. a problem+json `type`) when its status alone
   * does not say enough; return undefined to fall back to the generic classification.
   */
  mapError?: (res: { status: number; text: string; headers: Headers }, context: ConnectorErrorContext) => ConnectorError | undefined;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Parses Retry-After (seconds or HTTP date); defaults to 5 s. */
function retryAfter(headers: Headers): number {
  const value = headers.get('retry-after');
  if (!value) return 5;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? 5 : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

/**
 * The one place connectors touch the network: bounded by the binding's timeout, carrying the
 * correlation id and idempotency key, and turning every failure into a classified ConnectorError.
 */
export class ConnectorHttpClient {
  private readonly base: string;

  constructor(
    private readonly binding: SystemBinding,
    private readonly errorContext: ConnectorErrorContext,
    private readonly authorize: (headers: Record<string, string>) => void = () => {},
  ) {
    this.base = binding.baseUrl.replace(/\/+$/, '');
  }

  async request(ctx: CallContext, req: HttpRequest): Promise<HttpResponse> {
    const url = new URL(this.base + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: req.accept ?? 'application/json', ...req.headers };
    if (ctx.correlationId) headers['x-correlation-id'] = ctx.correlationId;
    if (ctx.idempotencyKey) headers['idempotency-key'] = ctx.idempotencyKey;
    let body: string | undefined;
    if (req.rawBody !== undefined) {
      body = req.rawBody;
      headers['content-type'] = req.contentType ?? 'text/plain';
    } else if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = req.contentType ?? 'application/json';
    }
    this.authorize(headers);
    const context = { ...this.errorContext, operation: req.operation };

    // A plain timer and AbortController, not AbortSignal.timeout(): that one builds a transferable
    // signal (and its DOMException machinery) on every call — ~4 % of a system API's CPU under load
    // (docs/performance.md, row 1). The timer bounds the whole exchange, headers and body alike.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.binding.timeoutMs);
    let response: HttpExchangeResponse;
    try {
      response = await httpExchange(url, { method: req.method, headers, body, signal: controller.signal });
    } catch (e) {
      throw this.networkError(e, context, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
    if (response.status >= 200 && response.status < 300) return response;
    throw this.statusError(response, req, context);
  }

  async json<T>(ctx: CallContext, req: HttpRequest): Promise<T> {
    const res = await this.request(ctx, req);
    if (res.status === 204 || res.text === '') return undefined as T;
    try {
      return JSON.parse(res.text) as T;
    } catch {
      throw new BackendRejectedError(`the backend answered ${req.operation} with a body that is not JSON`, {
        ...this.errorContext,
        operation: req.operation,
      });
    }
  }

  private networkError(e: unknown, context: ConnectorErrorContext, timedOut: boolean): ConnectorError {
    const err = e as Error & { code?: string; cause?: { code?: string } };
    if (timedOut || err.name === 'TimeoutError' || err.name === 'AbortError') {
      return new BackendTimeoutError(this.binding.timeoutMs, context);
    }
    const code = err.code ?? err.cause?.code ?? 'network error';
    return new BackendUnavailableError(`the ${context.system ?? 'backend'} system is unreachable (${code})`, context);
  }

  private statusError(res: HttpExchangeResponse, req: HttpRequest, context: ConnectorErrorContext): ConnectorError {
    const { text } = res;
    const mapped = req.mapError?.({ status: res.status, text, headers: res.headers }, context);
    if (mapped) return mapped;
    const detail = summarize(text);
    if (res.status === 404 && req.notFound) {
      return new RecordNotFoundError(req.notFound.recordType, req.notFound.recordId, context);
    }
    if (res.status === 409) return new RecordConflictError(detail || 'the backend reported a conflict', 'state-conflict', context);
    if (res.status === 408 || res.status === 429 || res.status >= 500) {
      return new BackendUnavailableError(
        `the ${context.system ?? 'backend'} system failed (${res.status}${detail ? `: ${detail}` : ''})`,
        context,
        retryAfter(res.headers),
      );
    }
    return new BackendRejectedError(
      `the ${context.system ?? 'backend'} system rejected ${req.operation} (${res.status}${detail ? `: ${detail}` : ''})`,
      context,
      // Adapters refine some refusals (Odoo answers a wrong state with 422 UserError → 409).
      { backendStatus: res.status, backendMessage: detail },
    );
  }
}

/** A short, safe summary of a backend error body: never a whole HTML page or stack. */
function summarize(text: string): string {
  if (!text) return '';
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const message = parsed.message ?? parsed.detail ?? parsed.error ?? parsed.title;
    if (typeof message === 'string') return message.slice(0, 300);
    if (message && typeof message === 'object' && typeof (message as { message?: unknown }).message === 'string') {
      return ((message as { message: string }).message).slice(0, 300);
    }
  } catch {
    // not JSON
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Reads the credential named by the binding at call time, so rotations need no restart. */
export function credentialFrom(binding: SystemBinding, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return binding.credentialsEnv ? env[binding.credentialsEnv] : undefined;
}
