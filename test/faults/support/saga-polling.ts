import type { ApiRequestOptions, ApiResponse } from '../../support/http-client';
import { waitUntil } from './bounded-wait';

type Request = <T = any>(
  method: string,
  path: string,
  opts?: ApiRequestOptions,
) => Promise<ApiResponse<T>>;

/** What the fault tests read from a process app's GET of one saga (order release, transfer). */
export interface SagaState {
  id: string;
  status: string;
  failureReason?: string | null;
  failure?: { reason?: string | null; code?: string | null } | null;
  steps?: Array<{ name: string; status: string; attempts?: number }>;
  [field: string]: unknown;
}

const TERMINAL = ['completed', 'failed', 'cancelled', 'expired'];

export const isTerminal = (status: string) => TERMINAL.includes(status.toLowerCase());

/**
 * Polls `GET path` until the saga reaches a terminal status, bounded by `timeoutMs`. A failing GET
 * (API process restarting, Redis down) counts as "not yet", so the poll rides out the fault.
 */
export async function waitForTerminal(
  request: Request,
  path: string,
  key: string,
  timeoutMs: number,
): Promise<SagaState> {
  return waitForSaga(
    request,
    path,
    key,
    'a terminal status',
    (saga) => isTerminal(saga.status),
    timeoutMs,
  );
}

/** Polls until `predicate` holds for the saga (e.g. a step is running), bounded by `timeoutMs`. */
export async function waitForSaga(
  request: Request,
  path: string,
  key: string,
  what: string,
  predicate: (saga: SagaState) => boolean,
  timeoutMs: number,
): Promise<SagaState> {
  let last: SagaState | undefined;
  try {
    return await waitUntil(
      `${path}: ${what}`,
      async () => {
        const res = await request<SagaState>('GET', path, { key });
        if (res.status !== 200) return undefined;
        last = res.body;
        return predicate(res.body) ? res.body : undefined;
      },
      { timeoutMs, intervalMs: 150 },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\nlast seen: ${summary(last)}`, { cause: error });
  }
}

/** Status, current step and each step's status/attempts/last error: what a failed wait should show. */
export function summary(saga: SagaState | undefined): string {
  if (!saga) return 'nothing (no 200 answer)';
  const steps = (saga.steps ?? []).map(
    (s) =>
      `${s.name}:${s.status}/${s.attempts ?? '?'}${'lastError' in s && s.lastError ? ` (${String(s.lastError).slice(0, 120)})` : ''}`,
  );
  return `${saga.status} at ${String(saga.currentStep)}; ${steps.join(', ')}`;
}

/**
 * The promise to the user: every accepted request ended completed, or failed with a reason they
 * can read — nothing left running, nothing failed silently.
 */
export function expectSettled(sagas: SagaState[]): void {
  for (const saga of sagas) {
    const status = saga.status.toLowerCase();
    expect({ id: saga.id, status }).toEqual({
      id: saga.id,
      status: expect.stringMatching(/^(completed|failed)$/),
    });
    const reason = saga.failure?.reason ?? saga.failureReason;
    if (status === 'failed')
      expect({ id: saga.id, reason }).toEqual({ id: saga.id, reason: expect.stringMatching(/\S/) });
  }
}
