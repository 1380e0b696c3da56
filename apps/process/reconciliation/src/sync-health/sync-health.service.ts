import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Landscape, SYNC_DOMAINS, type SyncDomain } from '@plantsync/landscape';
import { ProcessQueue, QueueRegistry } from '@plantsync/messaging';
import { ProblemException } from '@plantsync/platform';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { isReconciliationDomain, type ReconciliationDomain } from '../runs/reconciliation-domain';
import { ReconciliationRun } from '../runs/reconciliation-run.entity';
import { BackendReadiness, type SystemKind } from './backend-readiness';
import type { RecordSyncObservationsDto } from './sync-observation.dto';
import { SyncObservation } from './sync-observation.entity';
import type { SyncFailureView, SyncHealthEntryView, SyncHealthView } from './sync-health.view';

/** Systems a domain's syncs touch: any of them down makes the plant × domain stale. */
const DOMAIN_SYSTEMS: Record<SyncDomain, SystemKind[]> = {
  inventory: ['erp', 'wms'],
  production: ['mes', 'erp', 'wms'],
  orders: ['erp', 'mes'],
  master_data: ['erp'],
};

/** Queues whose depth is the domain's backlog. */
const DOMAIN_QUEUES: Record<SyncDomain, string[]> = {
  inventory: [ProcessQueue.InventoryTransfer, ProcessQueue.Reconciliation],
  production: [ProcessQueue.ProductionSync],
  orders: [ProcessQueue.OrderRelease],
  master_data: [],
};

/** What a person loses when a domain does not sync at a plant. */
export const DOMAIN_IMPACT: Record<SyncDomain, string> = {
  inventory: 'Stock that planners and the ERP see at this plant may not match the warehouse',
  production: 'ERP and WMS do not yet show what this plant produced, scrapped and consumed',
  orders: 'Released or changed production orders may not have reached the plant floor',
  master_data: 'Items, BOMs or units used at this plant may be out of date',
};

export const DEFAULT_WINDOW_SECONDS = 3600;

/**
 * Sync health per plant × domain from what the process apps report (sync_observation), this
 * app's reconciliation runs, queue depths and the plants' backend readiness.
 */
@Injectable()
export class SyncHealthService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Landscape) private readonly landscape: Landscape,
    @Inject(QueueRegistry) private readonly queues: QueueRegistry,
    @Inject(BackendReadiness) private readonly readiness: BackendReadiness,
  ) {}

  async record(input: RecordSyncObservationsDto): Promise<{ recorded: number }> {
    const unknown = input.observations.map((o, i) => ({ o, i })).filter(({ o }) => !this.landscape.hasPlant(o.plant));
    if (unknown.length > 0)
      throw new ProblemException({
        status: 400,
        code: 'validation-failed',
        title: 'Request validation failed',
        detail: `${unknown.length} field(s) are invalid.`,
        extensions: { errors: unknown.map(({ o, i }) => ({ field: `observations.${i}.plant`, message: `plant ${o.plant} is not in the landscape` })) },
      });
    const now = new Date();
    const rows = input.observations.map((o) =>
      Object.assign(new SyncObservation(), {
        id: randomUUID(),
        plant: o.plant,
        domain: o.domain,
        businessKey: o.businessKey,
        source: o.source,
        outcome: o.outcome,
        eventTime: new Date(o.eventTime),
        postedAt: o.postedAt ? new Date(o.postedAt) : null,
        reason: o.reason ?? null,
        impact: o.impact ?? null,
        recordedAt: now,
      }),
    );
    await this.db.getRepository(SyncObservation).insert(rows);
    return { recorded: rows.length };
  }

  async compute(windowSeconds = windowFromEnv()): Promise<SyncHealthView> {
    const now = new Date();
    const since = new Date(now.getTime() - windowSeconds * 1000);
    const [observations, isUp, backlogs, lastRuns, lastPosted] = await Promise.all([
      this.db.getRepository(SyncObservation).find({ where: { recordedAt: MoreThanOrEqual(since) }, order: { recordedAt: 'DESC' } }),
      this.readiness.probe(),
      this.backlogs(),
      this.db.getRepository(ReconciliationRun).find({ order: { startedAt: 'DESC' }, take: 200 }),
      this.lastPostings(),
    ]);
    const entries: SyncHealthEntryView[] = [];
    for (const plant of this.landscape.plants().map((p) => p.code)) {
      for (const domain of SYNC_DOMAINS) {
        const mine = observations.filter((o) => o.plant === plant && o.domain === domain);
        const lags = mine
          .filter((o) => o.outcome === 'success' && o.postedAt)
          .map((o) => (new Date(o.postedAt!).getTime() - new Date(o.eventTime).getTime()) / 1000)
          .sort((a, b) => a - b);
        const failed = mine.filter((o) => o.outcome !== 'success');
        const maxLag = this.landscape.maxLagSeconds(domain) ?? null;
        const p50 = percentile(lags, 0.5);
        const p95 = percentile(lags, 0.95);
        const failures: SyncFailureView[] = failed.slice(0, 10).map((o) => ({
          plant,
          domain,
          businessKey: o.businessKey,
          reason: o.reason ?? 'not given',
          impact: o.impact ?? DOMAIN_IMPACT[domain],
          kind: o.outcome,
          at: new Date(o.recordedAt).toISOString(),
        }));
        const staleReasons: string[] = [];
        if (maxLag !== null && p95 !== null && p95 > maxLag) staleReasons.push(`lag p95 ${p95}s exceeds the ${maxLag}s objective`);
        for (const system of DOMAIN_SYSTEMS[domain]) {
          const state = isUp(plant, system);
          if (state.up) continue;
          staleReasons.push(`${system.toUpperCase()} of ${plant} is down: ${state.detail}`);
          failures.unshift({ plant, domain, businessKey: null, reason: `${system.toUpperCase()} of ${plant} is not answering (${state.detail})`, impact: DOMAIN_IMPACT[domain], kind: 'backend_down', at: now.toISOString() });
        }
        // The domain's own runs covering the plant (inventory, orders and master data are reconciled; a completed run is a sync).
        const covering = isReconciliationDomain(domain) ? lastRuns.filter((r) => r.domain === domain && (r.plant === plant || r.plant === null)) : [];
        const reconciled = covering.find((r) => r.status === 'completed')?.finishedAt ?? null;
        if (isReconciliationDomain(domain)) failures.push(...reconciliationFailures(plant, domain, covering[0]));
        const posted = lastPosted.get(`${plant}|${domain}`) ?? null;
        entries.push({
          plant,
          domain,
          lastSuccessfulSync: latest(posted, reconciled),
          lagP50Seconds: p50,
          lagP95Seconds: p95,
          backlog: DOMAIN_QUEUES[domain].reduce((sum, q) => sum + (backlogs.get(q) ?? 0), 0),
          failureRate: mine.length === 0 ? null : round(failed.length / mine.length),
          deadLetters: mine.filter((o) => o.outcome === 'dead_letter').length,
          observed: mine.length,
          maxLagSeconds: maxLag,
          stale: staleReasons.length > 0,
          staleReasons,
          failures,
        });
      }
    }
    return { generatedAt: now.toISOString(), windowSeconds, entries };
  }

  /** Latest successful posting per plant × domain, over all time (not just the window). */
  private async lastPostings(): Promise<Map<string, Date>> {
    const rows = await this.db
      .getRepository(SyncObservation)
      .createQueryBuilder('o')
      .select('o.plant', 'plant')
      .addSelect('o.domain', 'domain')
      .addSelect('MAX(o.postedAt)', 'last')
      .where('o.outcome = :outcome', { outcome: 'success' })
      .groupBy('o.plant')
      .addGroupBy('o.domain')
      .getRawMany<{ plant: string; domain: string; last: string | Date | null }>();
    return new Map(rows.filter((r) => r.last).map((r) => [`${r.plant}|${r.domain}`, new Date(r.last!)]));
  }

  /** Waiting + delayed + active + prioritized jobs per queue; a queue Redis cannot count reads as 0. */
  private async backlogs(): Promise<Map<string, number>> {
    const names = [...new Set(Object.values(DOMAIN_QUEUES).flat())];
    const counts = await Promise.all(
      names.map(async (name) => {
        try {
          const c = await this.queues.queue(name).getJobCounts('waiting', 'delayed', 'active', 'prioritized');
          return Object.values(c).reduce((a, b) => a + b, 0);
        } catch {
          return 0;
        }
      }),
    );
    return new Map(names.map((n, i) => [n, counts[i]]));
  }
}

/** What a reconciliation compares, in a supervisor's words. */
const RECONCILED: Record<ReconciliationDomain, { what: string; differences: string }> = {
  inventory: { what: 'stock', differences: 'stock difference(s) between ERP and WMS' },
  orders: { what: 'production orders', differences: 'production order difference(s) between ERP and MES' },
  master_data: { what: 'item master data', differences: 'item master data difference(s) (ERP item master vs WMS, MES or other plants)' },
};

/** The plant's latest reconciliation of the domain as failures: the run failed, or left differences for a person. */
function reconciliationFailures(plant: string, domain: ReconciliationDomain, run: ReconciliationRun | undefined): SyncFailureView[] {
  if (!run || (run.status !== 'failed' && run.status !== 'completed')) return [];
  const at = new Date(run.finishedAt ?? run.startedAt).toISOString();
  const businessKey = `reconciliation-run/${run.id}`;
  const impact = DOMAIN_IMPACT[domain];
  if (run.status === 'failed')
    return [{ plant, domain, businessKey, reason: `Reconciliation could not compare ${RECONCILED[domain].what}: ${run.error ?? 'unknown error'}`, impact, kind: 'failure', at }];
  const counts = run.counts ? (JSON.parse(run.counts) as { exceptions?: number; correctionFailures?: number }) : {};
  const open = (counts.exceptions ?? 0) + (counts.correctionFailures ?? 0);
  if (open === 0) return [];
  return [{ plant, domain, businessKey, reason: `${open} ${RECONCILED[domain].differences} wait for a data steward`, impact, kind: 'failure', at }];
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function latest(a: Date | null, b: Date | null): string | null {
  const t = Math.max(a ? new Date(a).getTime() : 0, b ? new Date(b).getTime() : 0);
  return t === 0 ? null : new Date(t).toISOString();
}

function windowFromEnv(): number {
  const n = Number(process.env.SYNC_HEALTH_WINDOW_SECONDS ?? DEFAULT_WINDOW_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_WINDOW_SECONDS;
}
