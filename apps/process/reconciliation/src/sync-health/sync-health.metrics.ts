import { Gauge, Registry } from 'prom-client';
import type { SyncHealthView } from './sync-health.view';

/**
 * The figures of GET /v1/sync-health as Prometheus gauges, labelled plant × domain. A fresh
 * registry per scrape: the figures are computed from the database at scrape time, not counted in
 * memory, so every replica answers the same.
 */
export function renderSyncHealthMetrics(view: SyncHealthView): { contentType: string; body: Promise<string> } {
  const registry = new Registry();
  const labelNames = ['plant', 'domain'] as const;
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames, registers: [registry] });
  const lastSync = gauge('plantsync_sync_last_success_timestamp_seconds', 'Unix time of the latest successful sync or reconciliation');
  const p50 = gauge('plantsync_sync_lag_p50_seconds', 'Median lag from business event to posting in the window');
  const p95 = gauge('plantsync_sync_lag_p95_seconds', '95th percentile lag from business event to posting in the window');
  const backlog = gauge('plantsync_sync_backlog_jobs', 'Jobs waiting, delayed or active in the domain queues');
  const failureRate = gauge('plantsync_sync_failure_ratio', 'Failed / observed syncs in the window');
  const deadLetters = gauge('plantsync_sync_dead_letters', 'Syncs that ended in a dead letter in the window');
  const stale = gauge('plantsync_sync_stale', '1 when the plant × domain is stale (lag over objective or backend down)');
  const objective = gauge('plantsync_sync_max_lag_seconds', 'The landscape objective for the domain');
  for (const e of view.entries) {
    const labels = { plant: e.plant, domain: e.domain };
    if (e.lastSuccessfulSync) lastSync.set(labels, Date.parse(e.lastSuccessfulSync) / 1000);
    if (e.lagP50Seconds !== null) p50.set(labels, e.lagP50Seconds);
    if (e.lagP95Seconds !== null) p95.set(labels, e.lagP95Seconds);
    if (e.failureRate !== null) failureRate.set(labels, e.failureRate);
    if (e.maxLagSeconds !== null) objective.set(labels, e.maxLagSeconds);
    backlog.set(labels, e.backlog);
    deadLetters.set(labels, e.deadLetters);
    stale.set(labels, e.stale ? 1 : 0);
  }
  return { contentType: registry.contentType, body: registry.metrics() };
}
