import type { CallContext } from '@plantsync/connectors';
import { seg, SystemApiHttp, type SystemApiClientOptions } from '../http/system-api.http';
import type { ReconciliationRunDetailView, ReconciliationRunView, SyncHealthView } from './process-api.views';

/**
 * reconciliation process API (docs/openapi/reconciliation.json, port 3104): sync health per
 * plant × domain and the stock reconciliation runs with their differences. Read-only here.
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
}
