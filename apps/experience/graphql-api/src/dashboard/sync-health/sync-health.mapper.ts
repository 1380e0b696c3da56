import type { SyncHealthEntryView } from '@plantsync/clients';
import { scrub } from '../../errors/format-error';
import type { SyncHealthArgs } from './sync-health.args';
import type { SyncDomain, SyncFailureKind, SyncHealthModel } from './models/sync-health.model';

/** reconciliation's entry as GraphQL shows it; reasons come from backends, so addresses are scrubbed. */
export function toSyncHealthModel(view: SyncHealthEntryView): SyncHealthModel {
  return {
    plant: view.plant,
    domain: view.domain as SyncDomain,
    stale: view.stale,
    staleReasons: view.staleReasons.map(scrub),
    lastSuccessfulSync: view.lastSuccessfulSync,
    lagP50Seconds: view.lagP50Seconds,
    lagP95Seconds: view.lagP95Seconds,
    maxLagSeconds: view.maxLagSeconds,
    backlog: view.backlog,
    failureRate: view.failureRate,
    deadLetters: view.deadLetters,
    observed: view.observed,
    failures: view.failures.map((f) => ({ businessKey: f.businessKey, reason: scrub(f.reason), impact: f.impact, kind: f.kind as SyncFailureKind, at: f.at })),
  };
}

export function matchesSyncHealthFilter(entry: SyncHealthModel, filter: Partial<SyncHealthArgs>): boolean {
  return (!filter.plant || entry.plant === filter.plant) && (!filter.domain || entry.domain === filter.domain) && (!filter.staleOnly || entry.stale);
}

/**
 * What makes an entry "changed" for subscribers: the stale flag, its reasons and the figures.
 * Failure timestamps are left out — an outage's failure is stamped with the time of each read,
 * which would make every poll a change.
 */
export function syncHealthFingerprint(entry: SyncHealthModel): string {
  const { failures: _failures, ...figures } = entry;
  return JSON.stringify(figures);
}
