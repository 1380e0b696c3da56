import { Inject, Injectable, Logger } from '@nestjs/common';
import type { GoodsMovementRecord } from '@plantsync/canonical';
import { Landscape } from '@plantsync/landscape';
import { JobProducer, ProcessJobs } from '@plantsync/messaging';
import { ProblemException } from '@plantsync/platform';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { DomainReconciler, DOMAIN_RECONCILERS } from './domain-reconciler';
import type { ReconciliationDomain } from './reconciliation-domain';
import { ReconciliationDifference } from './reconciliation-difference.entity';
import { ReconciliationRun, type RunTrigger } from './reconciliation-run.entity';
import type { DifferenceView, ReconciliationRunDetailView, ReconciliationRunView } from './reconciliation-run.view';

const LISTED_DIFFERENCES = 1000;

/** Starts, executes and reads reconciliation runs; the comparing is each domain's reconciler's job. */
@Injectable()
export class ReconciliationRunsService {
  private readonly log = new Logger(ReconciliationRunsService.name);
  private readonly reconcilers: ReadonlyMap<ReconciliationDomain, DomainReconciler>;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Landscape) private readonly landscape: Landscape,
    @Inject(JobProducer) private readonly jobs: JobProducer,
    @Inject(DOMAIN_RECONCILERS) reconcilers: DomainReconciler[],
  ) {
    this.reconcilers = new Map(reconcilers.map((r) => [r.domain, r]));
  }

  /** Stores a queued run and hands it to the worker; the caller follows it by id. */
  async start(input: { domain: ReconciliationDomain; plant?: string }, trigger: RunTrigger, correlationId: string): Promise<ReconciliationRunView> {
    if (input.plant && !this.landscape.hasPlant(input.plant))
      throw new ProblemException({ status: 404, code: 'plant-not-found', title: 'Plant not found', detail: `plant ${input.plant} is not in the landscape` });
    const run = await this.create(input, trigger, correlationId);
    await this.jobs.enqueue(ProcessJobs.ReconcileDomain, { domain: input.domain, plant: input.plant, runId: run.id, correlationId }, { jobId: `reconcile-${run.id}` });
    return toView(run);
  }

  async create(input: { domain: ReconciliationDomain; plant?: string }, trigger: RunTrigger, correlationId: string): Promise<ReconciliationRun> {
    const run = Object.assign(new ReconciliationRun(), {
      id: randomUUID(),
      domain: input.domain,
      plant: input.plant ?? null,
      trigger,
      status: 'queued' as const,
      systemOfRecord: this.reconciler(input.domain).systemOfRecord(),
      counts: null,
      error: null,
      correlationId,
      startedAt: new Date(),
      finishedAt: null,
    });
    await this.db.getRepository(ReconciliationRun).insert(run);
    return run;
  }

  /** Executes a queued run once (a retried job finds it finished and does nothing). */
  async execute(runId: string): Promise<void> {
    const repo = this.db.getRepository(ReconciliationRun);
    const run = await repo.findOneBy({ id: runId });
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    // A run interrupted mid-way starts over: its differences so far are dropped, corrections keep their keys.
    await this.db.getRepository(ReconciliationDifference).delete({ runId });
    await repo.update({ id: runId }, { status: 'running', startedAt: new Date() });
    try {
      const counts = await this.reconciler(run.domain).run(run);
      await repo.update({ id: runId }, { status: 'completed', counts: JSON.stringify(counts), finishedAt: new Date() });
    } catch (e) {
      this.log.warn(`reconciliation run ${runId} failed: ${(e as Error).message}`);
      await repo.update({ id: runId }, { status: 'failed', error: (e as Error).message.slice(0, 2000), finishedAt: new Date() });
    }
  }

  private reconciler(domain: ReconciliationDomain): DomainReconciler {
    const reconciler = this.reconcilers.get(domain);
    // Only reachable with a run stored by a newer version of the app (validation admits known domains).
    if (!reconciler) throw new Error(`no reconciler for domain ${domain}`);
    return reconciler;
  }

  async list(query: { plant?: string; limit?: number }): Promise<ReconciliationRunView[]> {
    const runs = await this.db.getRepository(ReconciliationRun).find({
      where: query.plant ? { plant: query.plant } : {},
      order: { startedAt: 'DESC' },
      take: query.limit ?? 20,
    });
    return runs.map(toView);
  }

  async get(id: string): Promise<ReconciliationRunDetailView> {
    const run = await this.db.getRepository(ReconciliationRun).findOneBy({ id });
    if (!run) throw new ProblemException({ status: 404, code: 'reconciliation-run-not-found', title: 'Reconciliation run not found', detail: `no reconciliation run ${id}` });
    const rows = await this.db.getRepository(ReconciliationDifference).find({ where: { runId: id }, order: { seq: 'ASC' }, take: LISTED_DIFFERENCES + 1 });
    return { ...toView(run), differences: rows.slice(0, LISTED_DIFFERENCES).map(toDifferenceView), differencesTruncated: rows.length > LISTED_DIFFERENCES };
  }

  /** Latest completed run per plant (or for every plant) — sync health's "last reconciled". */
  async lastCompleted(): Promise<ReconciliationRun[]> {
    return this.db.getRepository(ReconciliationRun).find({ where: { status: 'completed' }, order: { finishedAt: 'DESC' }, take: 50 });
  }
}

function toView(run: ReconciliationRun): ReconciliationRunView {
  return {
    id: run.id,
    domain: run.domain,
    plant: run.plant,
    trigger: run.trigger,
    status: run.status,
    systemOfRecord: run.systemOfRecord,
    counts: run.counts ? JSON.parse(run.counts) : null,
    error: run.error,
    startedAt: new Date(run.startedAt).toISOString(),
    finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
  };
}

function toDifferenceView(d: ReconciliationDifference): DifferenceView {
  return {
    seq: d.seq,
    kind: d.kind,
    plant: d.plant,
    item: d.item,
    businessKey: d.businessKey,
    location: d.location,
    lot: d.lot,
    stockStatus: d.stockStatus,
    erpStatus: d.erpStatus,
    wmsStatus: d.wmsStatus,
    mesStatus: d.mesStatus,
    erpQuantity: d.erpQuantity,
    wmsQuantity: d.wmsQuantity,
    unit: d.unit,
    missingIn: d.missingIn,
    explanation: d.explanation,
    trace: d.trace ? (JSON.parse(d.trace) as GoodsMovementRecord[]) : null,
    action: d.action,
    actionDetail: JSON.parse(d.actionDetail),
  };
}
