/**
 * Typed connector errors. The classification decides what callers do: a system API maps it to an
 * HTTP status (libs/platform's problem filter reads `classification`), a process job retries
 * `unavailable`/`timeout` and dead-letters the rest.
 */
export type ConnectorErrorClassification =
  | 'unavailable' // transient: backend down, 5xx, circuit open → retry (503 + Retry-After)
  | 'timeout' // transient: no answer within the binding's timeoutMs → retry (504)
  | 'permanent' // the backend refused and will refuse again → do not retry (502)
  | 'not_found' // the record does not exist in that plant's system (404)
  | 'conflict' // the record is in a state that forbids the operation (409)
  | 'invalid'; // the request is wrong for this backend, e.g. a unit it does not know (400)

export interface ConnectorErrorContext {
  plant?: string;
  system?: 'erp' | 'mes' | 'wms';
  connector?: string;
  operation?: string;
}

export abstract class ConnectorError extends Error {
  abstract readonly classification: ConnectorErrorClassification;
  /** Stable slug; becomes the problem type. */
  abstract readonly code: string;
  readonly retryAfterSeconds?: number;

  constructor(
    message: string,
    readonly context: ConnectorErrorContext = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get transient(): boolean {
    return this.classification === 'unavailable' || this.classification === 'timeout';
  }
}

export class BackendUnavailableError extends ConnectorError {
  readonly classification = 'unavailable' as const;
  readonly code = 'backend-unavailable';
  override readonly retryAfterSeconds: number;
  constructor(message: string, context?: ConnectorErrorContext, retryAfterSeconds = 5) {
    super(message, context);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class BackendTimeoutError extends ConnectorError {
  readonly classification = 'timeout' as const;
  readonly code = 'backend-timeout';
  constructor(
    readonly timeoutMs: number,
    context?: ConnectorErrorContext,
  ) {
    super(`the ${context?.system ?? 'backend'} system did not answer within ${timeoutMs} ms`, context);
  }
}

export class BackendRejectedError extends ConnectorError {
  readonly classification = 'permanent' as const;
  readonly code = 'backend-rejected';
}

export class RecordNotFoundError extends ConnectorError {
  readonly classification = 'not_found' as const;
  readonly code: string;
  constructor(
    readonly recordType: string,
    readonly recordId: string,
    context?: ConnectorErrorContext,
  ) {
    super(`${recordType} ${recordId} was not found${context?.plant ? ` at plant ${context.plant}` : ''}`, context);
    this.code = `${recordType.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-not-found`;
  }
}

export class RecordConflictError extends ConnectorError {
  readonly classification = 'conflict' as const;
  readonly code: string;
  constructor(message: string, code = 'state-conflict', context?: ConnectorErrorContext, details?: Record<string, unknown>) {
    super(message, context, details);
    this.code = code;
  }
}

export class InvalidForBackendError extends ConnectorError {
  readonly classification = 'invalid' as const;
  readonly code: string;
  constructor(message: string, code = 'invalid-for-backend', context?: ConnectorErrorContext, details?: Record<string, unknown>) {
    super(message, context, details);
    this.code = code;
  }
}

export function isConnectorError(e: unknown): e is ConnectorError {
  return e instanceof ConnectorError;
}
