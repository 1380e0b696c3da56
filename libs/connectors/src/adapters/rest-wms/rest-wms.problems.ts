import {
  BackendRejectedError,
  ConnectorError,
  ConnectorErrorContext,
  InvalidForBackendError,
  RecordConflictError,
} from '../../errors/connector.errors';
import type { WmsProblem } from './rest-wms.contract';
import { toQuantity } from './rest-wms.mapping';

/** The slug a WMS problem+json `type` ends in, e.g. `.../problems/insufficient-stock` → `insufficient-stock`. */
export function problemSlug(problem: WmsProblem): string | undefined {
  return typeof problem.type === 'string' ? problem.type.replace(/\/+$/, '').split('/').pop() : undefined;
}

function parseProblem(text: string): WmsProblem | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as WmsProblem) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns the WMS's problem types into classified connector errors that keep what the caller needs
 * (a shortage names item, requested and available). Returns undefined for what the generic
 * classification already handles (404 records, 5xx, timeouts).
 */
export function mapWmsProblem(
  res: { status: number; text: string },
  context: ConnectorErrorContext,
  credentialsEnv?: string,
): ConnectorError | undefined {
  if (res.status === 401 || res.status === 403) {
    return new BackendRejectedError(
      `the WMS refused Plantsync's credentials (${res.status}); check the token in ${credentialsEnv ?? 'credentialsEnv'}`,
      context,
    );
  }
  const problem = parseProblem(res.text);
  if (!problem) return undefined;
  const slug = problemSlug(problem);
  const detail = problem.detail ?? problem.title ?? `the WMS answered ${res.status}`;
  switch (slug) {
    case 'insufficient-stock':
      return new RecordConflictError(detail, 'insufficient-stock', context, {
        item: problem.itemNumber,
        ...(problem.requested ? { requested: toQuantity(problem.requested) } : {}),
        ...(problem.available ? { available: toQuantity(problem.available) } : {}),
      });
    case 'over-receipt':
      return new RecordConflictError(detail, 'over-receipt', context, {
        ...(problem.requested ? { requested: toQuantity(problem.requested) } : {}),
        ...(problem.available ? { stillInTransit: toQuantity(problem.available) } : {}),
      });
    case 'invalid-state':
      return new RecordConflictError(detail, 'invalid-state', context);
    case 'unknown-item':
    case 'unknown-location':
    case 'unknown-plant':
    case 'unit-mismatch':
      return new InvalidForBackendError(detail, slug, context);
    // A transfer order that names a reservation it cannot take over: the caller's input is wrong.
    case 'unknown-reservation':
    case 'reservation-mismatch':
      return new InvalidForBackendError(detail, slug, context, {
        ...(problem.reservationId ? { reservation: problem.reservationId } : {}),
        ...(problem.mismatches ? { mismatches: problem.mismatches } : {}),
      });
    case 'validation-failed':
      return new InvalidForBackendError(`the WMS rejected the request: ${detail}`, 'invalid-for-backend', context, {
        errors: problem.errors ?? [],
      });
    case 'warehouse-not-found':
      // Misconfiguration, not the caller's fault: the landscape names a warehouse this WMS does not serve.
      return new BackendRejectedError(`${detail} Check options.warehouseCode in the landscape.`, context);
    default:
      return undefined;
  }
}
