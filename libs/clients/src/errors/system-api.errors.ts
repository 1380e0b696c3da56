import type { Quantity } from '@plantsync/canonical';
import { ConnectorError, type ConnectorErrorClassification } from '@plantsync/connectors';

/** The APIs a client in this lib talks to: the system APIs and (for the experience layer) the process APIs. */
export type SystemApiName = 'erp-api' | 'mes-api' | 'wms-api' | 'order-release' | 'inventory-transfer' | 'reconciliation';

/** The plant system behind an API; a process API spans several, so it names none. */
const SYSTEM_OF: Record<SystemApiName, 'erp' | 'mes' | 'wms' | undefined> = {
  'erp-api': 'erp',
  'mes-api': 'mes',
  'wms-api': 'wms',
  'order-release': undefined,
  'inventory-transfer': undefined,
  reconciliation: undefined,
};

/** The plant system an API fronts (`erp-api` → `erp`), or undefined for a process API. */
export function systemOf(api: SystemApiName): 'erp' | 'mes' | 'wms' | undefined {
  return SYSTEM_OF[api];
}

export interface SystemApiErrorInit {
  api: SystemApiName;
  /** The client method, e.g. `createReservation`. */
  operation: string;
  plant?: string;
  classification: ConnectorErrorClassification;
  /** The problem's slug (`insufficient-stock`), or a client-side code (`system-api-timeout`). */
  code: string;
  /** The system API's HTTP status; undefined when no answer arrived (timeout, connection refused). */
  status?: number;
  /** The full problem `type` URI as the system API sent it. */
  problemType?: string;
  title?: string;
  /** The problem's `detail`: a sentence a person can read. */
  detail?: string;
  /** Every problem member that is not a standard one (item, requested, available, currentStatus, errors, …). */
  extensions?: Record<string, unknown>;
  retryAfterSeconds?: number;
  /** The correlation id the system API answered with (problem member or X-Correlation-ID). */
  correlationId?: string;
  cause?: unknown;
}

/**
 * A failed call to a system API. It is a ConnectorError, so everything that already understands
 * connector failures understands it too: libs/platform's problem filter (classification → status,
 * `details` → extension members, so a process API can pass a 409 insufficient-stock on unchanged),
 * libs/messaging's retry decision (`transient`) and its circuit breaker.
 */
export class SystemApiError extends ConnectorError {
  readonly classification: ConnectorErrorClassification;
  readonly code: string;
  override readonly retryAfterSeconds?: number;
  readonly api: SystemApiName;
  readonly operation: string;
  readonly status?: number;
  readonly problemType?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly correlationId?: string;

  constructor(init: SystemApiErrorInit) {
    const what = init.detail ?? init.title ?? (init.status ? `answered ${init.status}` : 'failed');
    super(`${init.api} ${init.operation}: ${what}`, { plant: init.plant, system: SYSTEM_OF[init.api], connector: init.api, operation: init.operation }, init.extensions ?? {});
    this.classification = init.classification;
    this.code = init.code;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.api = init.api;
    this.operation = init.operation;
    this.status = init.status;
    this.problemType = init.problemType;
    this.title = init.title;
    this.detail = init.detail;
    this.correlationId = init.correlationId;
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause;
  }

  /** The problem's extension members (never undefined; the same object as `details`). */
  get extensions(): Record<string, unknown> {
    return this.details ?? {};
  }
}

/** 404: the plant, record or BOM revision does not exist. Permanent. */
export class SystemApiNotFoundError extends SystemApiError {}

/**
 * 409: the record's state forbids the operation. Permanent. State conflicts name the state the
 * record is in (`currentStatus`) where the system API knows it.
 */
export class SystemApiConflictError extends SystemApiError {
  get currentStatus(): string | undefined {
    const value = this.extensions.currentStatus;
    return typeof value === 'string' ? value : undefined;
  }
}

/** 400/422: the request is wrong (validation-failed lists the fields in `errors`). Permanent. */
export class SystemApiInvalidRequestError extends SystemApiError {
  get fieldErrors(): Array<{ field: string; message: string }> {
    const errors = this.extensions.errors;
    return Array.isArray(errors) ? (errors as Array<{ field: string; message: string }>) : [];
  }
}

/** 401/403, a problem+json 502 (the backend refused), an unreadable answer: retrying cannot help. */
export class SystemApiRejectedError extends SystemApiError {}

/** 503, 429, 500, a 502 from the network, connection refused, or a 409 idempotency-key-in-flight: retry later. */
export class SystemApiUnavailableError extends SystemApiError {}

/** No answer within the client's timeout, or the system API's own backend timed out (504). Retry later. */
export class SystemApiTimeoutError extends SystemApiError {}

/** 409 insufficient-stock: what was asked for and what the plant can promise. */
export class InsufficientStockError extends SystemApiConflictError {
  get item(): string | undefined {
    const value = this.extensions.item;
    return typeof value === 'string' ? value : undefined;
  }
  get requested(): Quantity | undefined {
    return quantityOf(this.extensions.requested);
  }
  get available(): Quantity | undefined {
    return quantityOf(this.extensions.available);
  }
}

/** 409 illegal-status-transition: the production order is in `currentStatus`, which cannot become `requestedStatus`. */
export class IllegalStatusTransitionError extends SystemApiConflictError {
  get requestedStatus(): string | undefined {
    const value = this.extensions.requestedStatus;
    return typeof value === 'string' ? value : undefined;
  }
}

function quantityOf(value: unknown): Quantity | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const q = value as { value?: unknown; unit?: unknown };
  return typeof q.value === 'string' && typeof q.unit === 'string' ? ({ value: q.value, unit: q.unit } as Quantity) : undefined;
}

export function isSystemApiError(e: unknown): e is SystemApiError {
  return e instanceof SystemApiError;
}

/** Whether `e` is a system API error with this problem code, e.g. `hasProblemCode(e, 'no-released-bom-revision')`. */
export function hasProblemCode(e: unknown, code: string): e is SystemApiError {
  return e instanceof SystemApiError && e.code === code;
}
