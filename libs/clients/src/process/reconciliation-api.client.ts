import type { CallContext } from '@plantsync/connectors';
import { seg, SystemApiHttp, type SystemApiClientOptions } from '../http/system-api.http';
import type { ReconciliationRunDetailView, ReconciliationRunView, SyncHealthView } from './process-api.views';

/** The sync-health domains (landscape SYNC_DOMAINS). */
export type SyncObservationDomain = 'inventory' | 'production' | 'orders' | 'master_data';

/** One sync a process app observed (reconciliation's SyncObservationDto). */
export interface SyncObservation {
  plant: string;
  domain: SyncObservationDomain;
  /** What was synced, e.g. `MO-P200-0001/0010/7` (order / operation / MES sequence). */
  businessKey: string;
  /** The reporting app. */
  source: string;
  outcome: 'success' | 'failure' | 'dead_letter';
  /** When the business event happened at the plant (ISO 8601). */
  eventTime: string;
  /** When the target system took the posting (success). */
  postedAt?: string;
  /** Failures: why, and what a person loses, in a supervisor's words (≤ 500 characters each). */
  reason?: string;
  impact?: string;
}

/** At most this many observations per request (reconciliation refuses more). */
export const MAX_SYNC_OBSERVATIONS_PER_REQUEST = 500;

/**
 * reconciliation process API (docs/openapi/reconciliation.json, port 3104): sync health per
 * plant × domain, the reconciliation runs with their differences, and the sync observations
 * process apps report.
 */
export class ReconciliationApiClient {
  private readonly http: SystemApiHttp;

  constructor(options: SystemApiClientOptions) {
    this.http = new SystemApiHttp('reconciliation', options);
  }

  /** Computed on every call (it probes each system API's readiness), so callers should not poll it hard. */
  getSyncHealth(ctx: CallContext): Promise<SyncHealthView> {
    return this.http.call(ctx, { method: 'GET', path: '/v1/sync-health', operation: 'getSyncHealth' });
  }

  /** Newest first. */
  listReconciliationRuns(ctx: CallContext, query: { plant?: string; limit?: number } = {}): Promise<ReconciliationRunView[]> {
    return this.http.call(ctx, { method: 'GET', path: '/v1/reconciliation-runs', query: { ...query }, operation: 'listReconciliationRuns' });
  }

  /** A run with its first 1,000 differences. */
  getReconciliationRun(ctx: CallContext, id: string): Promise<ReconciliationRunDetailView> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/reconciliation-runs/${seg(id)}`, operation: 'getReconciliationRun' });
  }

  /** 202 `{recorded}`; the service key only. */
  recordSyncObservations(ctx: CallContext, observations: SyncObservation[]): Promise<{ recorded: number }> {
    return this.http.call(ctx, { method: 'POST', path: '/v1/sync-observations', body: { observations }, operation: 'recordSyncObservations' });
  }
}
