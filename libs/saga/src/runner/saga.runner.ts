import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import {
  createEvent,
  deferralOf,
  isPermanentError,
  isUniqueViolation,
  type CloudEvent,
  type JobRun,
  type OutboxRelay,
  type OutboxWriter,
  type QueueRegistry,
  type RetryPolicies,
} from '@plantsync/messaging';
import { runWithCorrelation } from '@plantsync/platform';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  isWait,
  type SagaDefinition,
  type SagaExceptionInfo,
  type SagaFailureInfo,
  type SagaStep,
  type SagaStepOutcome,
} from '../definition/saga-definition';
import { SagaAlreadyActiveError, SagaNotFoundError, SagaStateError, SagaStepFailed } from '../definition/saga.errors';
import type { SagaTools } from '../definition/saga-tools';
import { SAGA_EXPIRE_JOB, sagaJobIds, type SagaJobPayload } from '../jobs/saga-jobs';
import { SagaCompensationRecord } from '../persistence/saga-compensation.entity';
import { SagaInstance } from '../persistence/saga-instance.entity';
import { ACTIVE_SAGA_STATUSES, type SagaStatus } from '../persistence/saga-status';
import { SagaStepRecord } from '../persistence/saga-step.entity';
import { serialisedTransaction } from '@plantsync/persistence';
import type { SagaView } from './saga-view';

export interface SagaRunnerDeps<Ctx extends object> {
  definition: SagaDefinition<Ctx>;
  dataSource: DataSource;
  queues: QueueRegistry;
  outbox: OutboxWriter;
  policies: RetryPolicies;
  /** Nudged after a commit that wrote events (optional: the relay also polls). */
  relay?: OutboxRelay;
  clock?: () => Date;
}

export interface StartSagaInput<Ctx> {
  businessKey: string;
  context: Ctx;
  correlationId?: string;
  /** Defaults to a new uuid. */
  id?: string;
  /** Events written in the start transaction (e.g. …ReleaseRequested). */
  events?: (saga: { id: string; tools: SagaTools }) => CloudEvent[];
}

export interface SagaListFilter {
  status?: SagaStatus;
  /** e.g. `P100/` for one plant's sagas. */
  businessKeyPrefix?: string;
  businessKey?: string;
  limit?: number;
  offset?: number;
}

const MAX_ERROR = 2000;

/**
 * Runs one saga definition: starts sagas, executes one step per BullMQ job, waits for approval,
 * compensates in reverse, and answers approve/reject/cancel. Every entry point reloads the saga
 * from the database, so any process can run any job and a re-run is harmless:
 *
 * - a step job for a step already `done` only makes sure the next job is enqueued;
 * - a step's compensations are persisted (once) before its `run`, and run even if `run` failed;
 * - success commits step done + context patch + events (outbox) + the next `currentStep` in ONE
 *   transaction with a version compare-and-set, and the next job is enqueued after the commit;
 * - compensation jobs run one at a time, highest `seq` first, each flipped `pending` → `done` once.
 */
export class SagaRunner<Ctx extends object> {
  readonly definition: SagaDefinition<Ctx>;
  private readonly logger: Logger;
  private readonly clock: () => Date;

  constructor(private readonly deps: SagaRunnerDeps<Ctx>) {
    this.definition = deps.definition;
    this.logger = new Logger(`saga:${deps.definition.type}`);
    this.clock = deps.clock ?? (() => new Date());
  }

  // ---------------------------------------------------------------------------------------------
  // Commands (API side)
  // ---------------------------------------------------------------------------------------------

  /**
   * Inserts the saga (status running, every step pending) and its start events in one
   * transaction, then enqueues the first step. If the enqueue fails (Redis down) the saga is
   * still accepted: `recover()` enqueues it once Redis is back.
   */
  async start(input: StartSagaInput<Ctx>): Promise<SagaView<Ctx>> {
    const id = input.id ?? randomUUID();
    const correlationId = input.correlationId ?? randomUUID();
    const now = this.clock();
    const first = this.definition.steps[0];
    if (!first) throw new Error(`saga ${this.definition.type} has no steps`);
    const instance: SagaInstance = {
      id,
      type: this.definition.type,
      businessKey: input.businessKey,
      activeKey: input.businessKey,
      status: 'running',
      currentStep: first.name,
      context: JSON.stringify(input.context),
      failureReason: null,
      failureCode: null,
      failedStep: null,
      outcome: null,
      correlationId,
      version: 0,
      createdAt: now,
      updatedAt: now,
      deadlineAt: null,
      cancelRequestedAt: null,
      cancelReason: null,
      decidedBy: null,
    };
    try {
      await this.tx(async (m) => {
        await m.insert(SagaInstance, instance);
        await m.insert(
          SagaStepRecord,
          this.definition.steps.map((s) => ({
            sagaId: id,
            name: s.name,
            status: 'pending' as const,
            attempts: 0,
            startedAt: null,
            finishedAt: null,
            lastError: null,
            output: null,
          })),
        );
        const events = input.events?.({ id, tools: this.tools(instance, `${id}-start`, 1) }) ?? [];
        await this.deps.outbox.write(m, ...events);
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const active = await this.findActive(input.businessKey);
      if (active) throw new SagaAlreadyActiveError(this.definition.type, input.businessKey, active.id);
      throw e;
    }
    this.deps.relay?.nudge();
    await this.enqueueQuietly(() => this.enqueueStep(instance, first.name));
    return this.get(id);
  }

  /** Continues a saga waiting for approval with the step after the waiting one. */
  async approve(sagaId: string, by: string): Promise<SagaView<Ctx>> {
    const instance = await this.load(sagaId);
    if (instance.status !== 'awaiting_approval') throw new SagaStateError(sagaId, instance.status, 'approve');
    const waiting = instance.currentStep!;
    const next = this.stepAfter(waiting);
    const now = this.clock();
    const ok = await this.tx(async (m) => {
      const won = await this.transition(m, instance, {
        status: next ? 'running' : 'completed',
        currentStep: next?.name ?? null,
        activeKey: next ? instance.activeKey : null,
        deadlineAt: null,
        decidedBy: by,
      });
      if (!won) return false;
      const step = await m.findOneBy(SagaStepRecord, { sagaId, name: waiting });
      await m.update(
        SagaStepRecord,
        { sagaId, name: waiting },
        { status: 'done', finishedAt: now, output: JSON.stringify({ ...parse(step?.output), approvedBy: by, approvedAt: now.toISOString() }) },
      );
      return true;
    });
    if (!ok) return this.approve(sagaId, by); // lost a race: re-read, which answers 409 or retries
    await this.removeJob(sagaJobIds.expire(sagaId));
    if (next) await this.enqueueQuietly(() => this.enqueueStep({ ...instance, currentStep: next.name }, next.name));
    return this.get(sagaId);
  }

  /** Ends a waiting saga: compensations run, then status failed with "rejected by planner …". */
  async reject(sagaId: string, by: string, reason: string): Promise<SagaView<Ctx>> {
    const instance = await this.load(sagaId);
    if (instance.status !== 'awaiting_approval') throw new SagaStateError(sagaId, instance.status, 'reject');
    this.assertReversible(instance, 'reject');
    const ok = await this.beginCompensation(
      instance,
      { outcome: 'failed', step: instance.currentStep, code: 'rejected', reason: `rejected by planner ${by}: ${reason}` },
      { decidedBy: by },
    );
    if (!ok) return this.reject(sagaId, by, reason);
    await this.removeJob(sagaJobIds.expire(sagaId));
    return this.get(sagaId);
  }

  /**
   * Cancels a saga in flight. Waiting: compensates at once. Running: marks the request, which the
   * runner honours before the next step (or the next try of the current one). Refused (409) once
   * the saga ended or is already compensating.
   */
  async cancel(sagaId: string, reason: string): Promise<SagaView<Ctx>> {
    const instance = await this.load(sagaId);
    this.assertReversible(instance, 'cancel');
    if (instance.status === 'awaiting_approval') {
      const ok = await this.beginCompensation(instance, {
        outcome: 'cancelled',
        step: instance.currentStep,
        code: 'cancelled',
        reason: `cancelled: ${reason}`,
      }, { cancelRequestedAt: this.clock(), cancelReason: reason.slice(0, 500) });
      if (!ok) return this.cancel(sagaId, reason);
      await this.removeJob(sagaJobIds.expire(sagaId));
      return this.get(sagaId);
    }
    if (instance.status !== 'running' || instance.cancelRequestedAt) throw new SagaStateError(sagaId, instance.status, 'cancel');
    // No version bump: a step in flight still commits its result; the next step sees the request.
    const result = await this.deps.dataSource
      .createQueryBuilder()
      .update(SagaInstance)
      .set({ cancelRequestedAt: this.clock(), cancelReason: reason.slice(0, 500), updatedAt: this.clock() })
      .where('id = :id AND status = :running AND "cancelRequestedAt" IS NULL', { id: sagaId, running: 'running' })
      .execute();
    if (!result.affected) return this.cancel(sagaId, reason);
    // The current step's job may be long done (crash between commit and enqueue): make sure one exists.
    if (instance.currentStep) await this.enqueueQuietly(() => this.enqueueStep(instance, instance.currentStep!));
    return this.get(sagaId);
  }

  /**
   * A person retries the failed step of a saga in `exception` (after fixing the cause): the saga
   * runs again from that step with fresh tries. 409 in any other state.
   */
  async retry(sagaId: string, by: string): Promise<SagaView<Ctx>> {
    const instance = await this.load(sagaId);
    if (instance.status !== 'exception' || !instance.failedStep) throw new SagaStateError(sagaId, instance.status, 'retry');
    const step = instance.failedStep;
    const ok = await this.tx(async (m) => {
      const won = await this.transition(m, instance, {
        status: 'running',
        currentStep: step,
        failureReason: null,
        failureCode: null,
        failedStep: null,
        decidedBy: by,
      });
      if (!won) return false;
      await m.update(SagaStepRecord, { sagaId, name: step }, { status: 'pending', finishedAt: null });
      return true;
    });
    if (!ok) return this.retry(sagaId, by);
    const fresh = await this.load(sagaId);
    await this.enqueueQuietly(async () => {
      await this.ensureJob(sagaJobIds.step(sagaId, step), () => this.enqueueStep(fresh, step));
    });
    return this.get(sagaId);
  }

  /**
   * A person settled a saga in `exception` outside Plantsync (e.g. posted by hand in the ERP): it
   * ends as `resolved`, nothing is undone, the note is kept on the failed step. 409 otherwise.
   */
  async resolve(sagaId: string, by: string, note: string): Promise<SagaView<Ctx>> {
    const instance = await this.load(sagaId);
    if (instance.status !== 'exception') throw new SagaStateError(sagaId, instance.status, 'resolve');
    const now = this.clock();
    const ok = await this.tx(async (m) => {
      const won = await this.transition(m, instance, { status: 'resolved', activeKey: null, currentStep: null, decidedBy: by });
      if (!won) return false;
      if (instance.failedStep) {
        const step = await m.findOneBy(SagaStepRecord, { sagaId, name: instance.failedStep });
        await m.update(
          SagaStepRecord,
          { sagaId, name: instance.failedStep },
          { output: JSON.stringify({ ...parse(step?.output), resolvedBy: by, resolvedAt: now.toISOString(), resolution: note.slice(0, 500) }) },
        );
      }
      return true;
    });
    if (!ok) return this.resolve(sagaId, by, note);
    return this.get(sagaId);
  }

  // ---------------------------------------------------------------------------------------------
  // Queries
  // ---------------------------------------------------------------------------------------------

  async get(sagaId: string): Promise<SagaView<Ctx>> {
    const instance = await this.load(sagaId);
    const [steps, compensations] = await Promise.all([
      this.deps.dataSource.getRepository(SagaStepRecord).findBy({ sagaId }),
      this.deps.dataSource.getRepository(SagaCompensationRecord).find({ where: { sagaId }, order: { seq: 'ASC' } }),
    ]);
    return this.view(instance, steps, compensations);
  }

  /** Newest first. Steps and compensations are included. */
  async list(filter: SagaListFilter = {}): Promise<SagaView<Ctx>[]> {
    const qb = this.deps.dataSource
      .getRepository(SagaInstance)
      .createQueryBuilder('s')
      .where('s.type = :type', { type: this.definition.type })
      .orderBy('s.createdAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .take(Math.min(Math.max(filter.limit ?? 50, 1), 500))
      .skip(filter.offset ?? 0);
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    if (filter.businessKey) qb.andWhere('s.businessKey = :bk', { bk: filter.businessKey });
    if (filter.businessKeyPrefix) qb.andWhere("s.businessKey LIKE :prefix ESCAPE '\\'", { prefix: `${escapeLike(filter.businessKeyPrefix)}%` });
    const instances = await qb.getMany();
    if (instances.length === 0) return [];
    const ids = instances.map((i) => i.id);
    const [steps, compensations] = await Promise.all([
      this.deps.dataSource.getRepository(SagaStepRecord).findBy({ sagaId: In(ids) }),
      this.deps.dataSource.getRepository(SagaCompensationRecord).find({ where: { sagaId: In(ids) }, order: { seq: 'ASC' } }),
    ]);
    return instances.map((i) =>
      this.view(
        i,
        steps.filter((s) => s.sagaId === i.id),
        compensations.filter((c) => c.sagaId === i.id),
      ),
    );
  }

  /** The saga of this type still active (running, waiting or compensating) for the business key. */
  async findActive(businessKey: string): Promise<SagaInstance | null> {
    return this.deps.dataSource
      .getRepository(SagaInstance)
      .findOneBy({ type: this.definition.type, businessKey, status: In([...ACTIVE_SAGA_STATUSES]) });
  }

  // ---------------------------------------------------------------------------------------------
  // Job entry points (worker side)
  // ---------------------------------------------------------------------------------------------

  /**
   * Runs step `run.name` of saga `payload.sagaId`. Transient errors rethrow (BullMQ retries);
   * permanent ones, SagaStepFailed and the last try of a transient one compensate. The last try
   * also rethrows so libs/messaging records a dead letter.
   */
  runStep(payload: SagaJobPayload, run: JobRun): Promise<void> {
    return runWithCorrelation(payload.correlationId, () => this.executeStep(payload.sagaId, run.name, run.attempt));
  }

  runCompensation(payload: SagaJobPayload, run: JobRun): Promise<void> {
    if (payload.seq === undefined) throw new UnrecoverableError(`compensation job ${run.id} has no seq`);
    return runWithCorrelation(payload.correlationId, () => this.executeCompensation(payload.sagaId, payload.seq!, run.attempt));
  }

  /** The approval deadline: a saga still waiting expires and compensates. */
  expire(payload: SagaJobPayload): Promise<void> {
    return runWithCorrelation(payload.correlationId, async () => {
      const instance = await this.find(payload.sagaId);
      if (!instance || instance.status !== 'awaiting_approval' || !instance.deadlineAt) return;
      if (instance.deadlineAt.getTime() > this.clock().getTime() + 1000) {
        // Fired early (clock skew) or a re-wait: try again at the deadline.
        await this.enqueueExpire(instance, instance.deadlineAt);
        return;
      }
      if (this.stepNamed(instance.currentStep)?.onFailure === 'exception') {
        const raised = await this.raiseException(instance, {
          step: instance.currentStep!,
          code: 'deadline-passed',
          reason: `not finished by ${instance.deadlineAt.toISOString()}`,
        });
        if (!raised) return this.expire(payload);
        return;
      }
      const ok = await this.beginCompensation(instance, {
        outcome: 'expired',
        step: instance.currentStep,
        code: 'approval-expired',
        reason: `no approval by ${instance.deadlineAt.toISOString()}`,
      });
      if (!ok) return this.expire(payload);
    });
  }

  /**
   * Makes sure every saga that should be moving has its job: running → the current step's job
   * (a failed one, e.g. stalled too often, is retried), compensating → the next compensation,
   * waiting past its deadline → the expire job. Safe to run anywhere, any time (deterministic ids).
   * Looks only at sagas untouched for `staleAfterMs`.
   */
  async recover(staleAfterMs = 60_000): Promise<number> {
    const before = new Date(this.clock().getTime() - staleAfterMs);
    const stuck = await this.deps.dataSource
      .getRepository(SagaInstance)
      .createQueryBuilder('s')
      .where('s.type = :type', { type: this.definition.type })
      .andWhere('s.status IN (:...active)', { active: [...ACTIVE_SAGA_STATUSES] })
      .andWhere('s.updatedAt < :before', { before })
      .take(500)
      .getMany();
    let kicked = 0;
    for (const instance of stuck) {
      try {
        if (instance.status === 'running' && instance.currentStep) {
          kicked += (await this.ensureJob(sagaJobIds.step(instance.id, instance.currentStep), () =>
            this.enqueueStep(instance, instance.currentStep!),
          ))
            ? 1
            : 0;
        } else if (instance.status === 'compensating') {
          const next = await this.nextPendingCompensation(instance.id);
          const kick = next
            ? () => this.enqueueCompensation(instance, next)
            : () => this.finish(instance).then(() => undefined);
          kicked += (await this.ensureJob(next ? sagaJobIds.compensation(instance.id, next.action, next.seq) : null, kick, false))
            ? 1
            : 0;
        } else if (instance.status === 'awaiting_approval' && instance.deadlineAt) {
          kicked += (await this.ensureJob(sagaJobIds.expire(instance.id), () => this.enqueueExpire(instance, instance.deadlineAt!)))
            ? 1
            : 0;
        }
      } catch (e) {
        this.logger.warn(`recovery of saga ${instance.id} failed, next round retries: ${(e as Error).message}`);
      }
    }
    return kicked;
  }

  // ---------------------------------------------------------------------------------------------
  // Step execution
  // ---------------------------------------------------------------------------------------------

  private async executeStep(sagaId: string, stepName: string, attempt: number): Promise<void> {
    const index = this.definition.steps.findIndex((s) => s.name === stepName);
    if (index < 0) throw new UnrecoverableError(`saga ${this.definition.type} has no step ${stepName}`);
    const step = this.definition.steps[index]!;
    const instance = await this.find(sagaId);
    if (!instance) {
      this.logger.warn(`step ${stepName}: saga ${sagaId} not found, nothing to do`);
      return;
    }
    const record = await this.deps.dataSource.getRepository(SagaStepRecord).findOneBy({ sagaId, name: stepName });
    if (record?.status === 'done' || record?.status === 'skipped') {
      // A re-run (stalled job, duplicate, replay): the work is committed; only make sure the saga moves on.
      if (instance.status === 'running' && instance.currentStep && instance.currentStep !== stepName)
        await this.enqueueStep(instance, instance.currentStep);
      return;
    }
    if (instance.status !== 'running' || instance.currentStep !== stepName) {
      this.logger.log(`step ${stepName} of saga ${sagaId} skipped: saga is ${instance.status} at ${instance.currentStep}`);
      return;
    }
    // A cancel that arrived before the point of no return is moot once the saga passed it.
    if (instance.cancelRequestedAt && step.onFailure !== 'exception') {
      const ok = await this.beginCompensation(instance, {
        outcome: 'cancelled',
        step: stepName,
        code: 'cancelled',
        reason: `cancelled: ${instance.cancelReason ?? 'no reason given'}`,
      });
      if (!ok) return this.executeStep(sagaId, stepName, attempt);
      return;
    }

    const context = parse(instance.context) as Ctx;
    const tools = this.tools(instance, `${sagaId}-${stepName}`, attempt, stepName);
    await this.registerAndMarkRunning(instance, step, context, tools);

    let outcome: SagaStepOutcome<Ctx>;
    try {
      outcome = await step.run(context, tools);
    } catch (error) {
      const businessFailure = error instanceof SagaStepFailed || isPermanentError(error);
      // A deferred run (circuit open: nothing was tried) spends no attempt, so it is never the last try.
      const deferred = deferralOf(error) !== undefined;
      const lastTry = !deferred && attempt >= this.deps.policies.for(this.definition.queue).attempts;
      if (!businessFailure && !lastTry) {
        await this.recordStepError(sagaId, stepName, error);
        tools.logger.warn(`step ${stepName} try ${attempt} failed, will retry: ${message(error)}`);
        throw error;
      }
      tools.logger.warn(`step ${stepName} failed for good (try ${attempt}): ${message(error)}`);
      if (step.onFailure === 'exception') {
        // Past the point of no return: the saga itself is the work item for a person (retry or
        // resolve), so no dead letter competes with it.
        await this.raiseException(instance, { step: stepName, code: errorCode(error), reason: message(error) });
        return;
      }
      await this.failStep(instance, stepName, error);
      if (businessFailure) return;
      throw error; // retries exhausted: the queue worker turns the job into a dead letter
    }
    await this.commitStep(instance, index, outcome, tools);
  }

  /** Compensations of the step (first run only) and `running` on its row, in one transaction. */
  private async registerAndMarkRunning(instance: SagaInstance, step: SagaStep<Ctx>, context: Ctx, tools: SagaTools): Promise<void> {
    const now = this.clock();
    await this.tx(async (m) => {
      const registered = await m.countBy(SagaCompensationRecord, { sagaId: instance.id, step: step.name });
      const specs = registered === 0 ? (step.compensations?.(context, tools) ?? []) : [];
      if (specs.length > 0) {
        const last = await m
          .createQueryBuilder(SagaCompensationRecord, 'c')
          .select('MAX(c.seq)', 'max')
          .where('c.sagaId = :id', { id: instance.id })
          .getRawOne<{ max: number | string | null }>();
        let seq = Number(last?.max ?? 0);
        for (const spec of specs) {
          if (!this.definition.compensate?.[spec.action])
            throw new Error(`step ${step.name} registers unknown compensation ${spec.action}`);
          await m.insert(SagaCompensationRecord, {
            sagaId: instance.id,
            seq: ++seq,
            step: step.name,
            action: spec.action,
            args: JSON.stringify(spec.args),
            status: 'pending',
            doneAt: null,
          });
        }
      }
      await m
        .createQueryBuilder()
        .update(SagaStepRecord)
        .set({ status: 'running', attempts: () => '"attempts" + 1' }) // lastError of the previous try stays visible until success
        .where('"sagaId" = :id AND name = :name', { id: instance.id, name: step.name })
        .execute();
      await m
        .createQueryBuilder()
        .update(SagaStepRecord)
        .set({ startedAt: now })
        .where('"sagaId" = :id AND name = :name AND "startedAt" IS NULL', { id: instance.id, name: step.name })
        .execute();
    });
  }

  private async commitStep(instance: SagaInstance, index: number, outcome: SagaStepOutcome<Ctx>, tools: SagaTools): Promise<void> {
    const step = this.definition.steps[index]!;
    const next = this.definition.steps[index + 1];
    const now = this.clock();
    const context = { ...(parse(instance.context) as Ctx), ...(outcome.patch ?? {}) };
    const output = JSON.stringify(outcome.output ?? outcome.patch ?? {});
    const wait = isWait(outcome) ? outcome.wait : undefined;
    const won = await this.tx(async (m) => {
      const set: QueryDeepPartialEntity<SagaInstance> = { context: JSON.stringify(context) };
      if (wait) Object.assign(set, { status: 'awaiting_approval', deadlineAt: wait.until });
      else if (next) Object.assign(set, { currentStep: next.name });
      else Object.assign(set, { status: 'completed', currentStep: null, activeKey: null });
      if (!(await this.transition(m, instance, set))) return false;
      await m.update(
        SagaStepRecord,
        { sagaId: instance.id, name: step.name },
        wait
          ? { output, lastError: null }
          : { status: !isWait(outcome) && outcome.skipped ? 'skipped' : 'done', finishedAt: now, output, lastError: null },
      );
      await this.deps.outbox.write(m, ...(outcome.events ?? []));
      return true;
    });
    if (!won) {
      // Another run of this step committed first (a stalled job's twin): its result stands.
      tools.logger.log(`step ${step.name} of saga ${instance.id} was committed by another run`);
      return;
    }
    if (outcome.events?.length) this.deps.relay?.nudge();
    if (wait) {
      tools.logger.log(`saga ${instance.id} awaits approval until ${wait.until.toISOString()}: ${wait.reason}`);
      await this.enqueueExpire(instance, wait.until);
    } else if (next) await this.enqueueStep(instance, next.name);
    else tools.logger.log(`saga ${instance.id} completed`);
  }

  private async recordStepError(sagaId: string, stepName: string, error: unknown): Promise<void> {
    await this.deps.dataSource
      .getRepository(SagaStepRecord)
      .update({ sagaId, name: stepName }, { lastError: message(error).slice(0, MAX_ERROR) });
  }

  private async failStep(instance: SagaInstance, stepName: string, error: unknown): Promise<void> {
    const code = errorCode(error);
    const ok = await this.beginCompensation(instance, { outcome: 'failed', step: stepName, code, reason: message(error) });
    if (!ok) {
      const fresh = await this.find(instance.id);
      if (fresh?.status === 'running' && fresh.currentStep === stepName) await this.failStep(fresh, stepName, error);
    }
  }

  /**
   * running/awaiting_approval → `exception` (compare-and-set) with the failed step `failed` and the
   * definition's exception events. Compensations stay pending, untouched. False when it lost a race.
   */
  private async raiseException(instance: SagaInstance, exception: SagaExceptionInfo): Promise<boolean> {
    const now = this.clock();
    const events = this.definition.onException?.(parse(instance.context) as Ctx, exception, this.tools(instance, `${instance.id}-exception`, 1)) ?? [];
    const won = await this.tx(async (m) => {
      const ok = await this.transition(m, instance, {
        status: 'exception',
        failureReason: exception.reason.slice(0, 1000),
        failureCode: exception.code.slice(0, 64),
        failedStep: exception.step,
        deadlineAt: null,
      });
      if (!ok) return false;
      await m.update(
        SagaStepRecord,
        { sagaId: instance.id, name: exception.step },
        { status: 'failed', finishedAt: now, lastError: exception.reason.slice(0, MAX_ERROR) },
      );
      await this.deps.outbox.write(m, ...events);
      return true;
    });
    if (!won) {
      const fresh = await this.find(instance.id);
      if (fresh && (fresh.status === 'running' || fresh.status === 'awaiting_approval') && fresh.currentStep === exception.step)
        return this.raiseException(fresh, exception);
      return true;
    }
    if (events.length) this.deps.relay?.nudge();
    this.logger.warn(`saga ${instance.id} needs a person (exception at ${exception.step}): ${exception.reason}`);
    return true;
  }

  /** Cancel and reject undo work: refused once the saga stands at a step past the point of no return. */
  private assertReversible(instance: SagaInstance, action: string): void {
    if (this.stepNamed(instance.currentStep)?.onFailure === 'exception')
      throw new SagaStateError(instance.id, `${instance.status} at ${instance.currentStep}, past the point of no return`, action);
  }

  private stepNamed(name: string | null): SagaStep<Ctx> | undefined {
    return name ? this.definition.steps.find((s) => s.name === name) : undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Compensation
  // ---------------------------------------------------------------------------------------------

  /**
   * Moves the saga to `compensating` (compare-and-set) and starts the chain: the highest pending
   * compensation's job, or the final state when there is none. False when it lost a race.
   */
  private async beginCompensation(
    instance: SagaInstance,
    failure: SagaFailureInfo,
    extra: QueryDeepPartialEntity<SagaInstance> = {},
  ): Promise<boolean> {
    const now = this.clock();
    const won = await this.tx(async (m) => {
      const ok = await this.transition(m, instance, {
        ...extra,
        status: 'compensating',
        outcome: failure.outcome,
        failureReason: failure.reason.slice(0, 1000),
        failureCode: failure.code.slice(0, 64),
        failedStep: failure.step,
        deadlineAt: null,
      });
      if (!ok) return false;
      if (failure.step) {
        // The step that failed or waited ends failed; a step that never started stays pending.
        await m.update(
          SagaStepRecord,
          { sagaId: instance.id, name: failure.step, status: 'running' },
          { status: 'failed', finishedAt: now, lastError: failure.reason.slice(0, MAX_ERROR) },
        );
      }
      return true;
    });
    if (!won) return false;
    this.logger.warn(`saga ${instance.id} compensating (${failure.outcome}): ${failure.reason}`);
    const fresh = (await this.find(instance.id))!;
    await this.continueCompensation(fresh);
    return true;
  }

  private async continueCompensation(instance: SagaInstance): Promise<void> {
    const next = await this.nextPendingCompensation(instance.id);
    if (next) await this.enqueueQuietly(() => this.enqueueCompensation(instance, next));
    else await this.finish(instance);
  }

  private async executeCompensation(sagaId: string, seq: number, attempt: number): Promise<void> {
    const instance = await this.find(sagaId);
    if (!instance || instance.status !== 'compensating') return;
    const repo = this.deps.dataSource.getRepository(SagaCompensationRecord);
    const compensation = await repo.findOneBy({ sagaId, seq });
    if (!compensation) return;
    if (compensation.status === 'pending') {
      const handler = this.definition.compensate?.[compensation.action];
      if (!handler) throw new UnrecoverableError(`saga ${this.definition.type} has no compensation ${compensation.action}`);
      const tools = this.tools(instance, `${sagaId}-compensate-${seq}`, attempt);
      const steps = await this.deps.dataSource.getRepository(SagaStepRecord).findBy({ sagaId });
      const outputs = Object.fromEntries(steps.filter((s) => s.output).map((s) => [s.name, JSON.parse(s.output!) as unknown]));
      const result = await handler(parse(compensation.args) as Record<string, unknown>, tools, {
        context: parse(instance.context) as Ctx,
        outputs,
      });
      const events = (result && result.events) || [];
      await this.tx(async (m) => {
        const flipped = await m.update(SagaCompensationRecord, { sagaId, seq, status: 'pending' }, { status: 'done', doneAt: this.clock() });
        // Events only with the flip: a concurrent twin that lost the flip writes none.
        if (flipped.affected) await this.deps.outbox.write(m, ...events);
        const open = await m.countBy(SagaCompensationRecord, { sagaId, step: compensation.step, status: 'pending' });
        if (open === 0) await m.update(SagaStepRecord, { sagaId, name: compensation.step }, { status: 'compensated' });
      });
      if (events.length) this.deps.relay?.nudge();
      tools.logger.log(`compensation ${compensation.action} #${seq} of saga ${sagaId} done`);
    }
    await this.continueCompensation(instance);
  }

  private nextPendingCompensation(sagaId: string): Promise<SagaCompensationRecord | null> {
    return this.deps.dataSource
      .getRepository(SagaCompensationRecord)
      .findOne({ where: { sagaId, status: 'pending' }, order: { seq: 'DESC' } });
  }

  /** compensating → its outcome, releasing the business key, with the definition's failure events. */
  private async finish(instance: SagaInstance): Promise<boolean> {
    const fresh = await this.find(instance.id);
    if (!fresh || fresh.status !== 'compensating') return false;
    const outcome = fresh.outcome ?? 'failed';
    const failure: SagaFailureInfo = {
      outcome,
      step: fresh.failedStep,
      reason: fresh.failureReason ?? outcome,
      code: fresh.failureCode ?? outcome,
    };
    const events = this.definition.onFailed?.(parse(fresh.context) as Ctx, failure, this.tools(fresh, `${fresh.id}-finish`, 1)) ?? [];
    const won = await this.tx(async (m) => {
      if (!(await this.transition(m, fresh, { status: outcome, activeKey: null, currentStep: null }))) return false;
      await this.deps.outbox.write(m, ...events);
      return true;
    });
    if (!won) return this.finish(fresh);
    if (events.length) this.deps.relay?.nudge();
    this.logger.warn(`saga ${fresh.id} ${outcome}: ${failure.reason}`);
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Plumbing
  // ---------------------------------------------------------------------------------------------

  private tools(instance: SagaInstance, idempotencyKey: string, attempt: number, step?: string): SagaTools {
    const logger = this.logger;
    const source = this.definition.source;
    const steps = this.deps.dataSource.getRepository(SagaStepRecord);
    return {
      checkpoint: async (output: unknown) => {
        if (!step) throw new Error('checkpoint() is for steps only');
        await steps.update({ sagaId: instance.id, name: step }, { output: JSON.stringify(output ?? {}) });
      },
      sagaId: instance.id,
      businessKey: instance.businessKey,
      correlationId: instance.correlationId,
      idempotencyKey,
      attempt,
      logger,
      event: <T>(type: string, data: T, options: { id?: string } = {}) =>
        createEvent<T>({
          type,
          source,
          subject: instance.businessKey,
          data,
          correlationId: instance.correlationId,
          causationId: instance.id,
          id: options.id,
        }),
    };
  }

  /** `UPDATE saga_instance SET … , version = version + 1 WHERE id = ? AND version = ?`. */
  private async transition(m: EntityManager, instance: SagaInstance, set: QueryDeepPartialEntity<SagaInstance>): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(SagaInstance)
      .set({ ...set, updatedAt: this.clock(), version: () => '"version" + 1' })
      .where('id = :id AND version = :version', { id: instance.id, version: instance.version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  private tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return serialisedTransaction(this.deps.dataSource, fn);
  }

  private find(sagaId: string): Promise<SagaInstance | null> {
    return this.deps.dataSource.getRepository(SagaInstance).findOneBy({ id: sagaId, type: this.definition.type });
  }

  private async load(sagaId: string): Promise<SagaInstance> {
    const found = await this.find(sagaId);
    if (!found) throw new SagaNotFoundError(sagaId);
    return found;
  }

  private stepAfter(name: string): SagaStep<Ctx> | undefined {
    const index = this.definition.steps.findIndex((s) => s.name === name);
    return this.definition.steps[index + 1];
  }

  private payload(instance: SagaInstance, extra: Partial<SagaJobPayload> = {}): SagaJobPayload {
    const fields = this.definition.jobPayload?.({ businessKey: instance.businessKey, context: parse(instance.context) as Ctx }) ?? {};
    return { ...fields, sagaId: instance.id, correlationId: instance.correlationId, ...extra };
  }

  private enqueueStep(instance: SagaInstance, step: string): Promise<void> {
    return this.deps.queues.add(this.definition.queue, step, this.payload(instance), { jobId: sagaJobIds.step(instance.id, step) });
  }

  private enqueueCompensation(instance: SagaInstance, compensation: SagaCompensationRecord): Promise<void> {
    return this.deps.queues.add(this.definition.queue, compensation.action, this.payload(instance, { seq: compensation.seq }), {
      jobId: sagaJobIds.compensation(instance.id, compensation.action, compensation.seq),
    });
  }

  private enqueueExpire(instance: SagaInstance, until: Date): Promise<void> {
    return this.deps.queues.add(this.definition.queue, SAGA_EXPIRE_JOB, this.payload(instance), {
      jobId: sagaJobIds.expire(instance.id),
      delay: Math.max(0, until.getTime() - this.clock().getTime()),
    });
  }

  /** After a commit the state is durable; a failed enqueue is picked up by recover(). */
  private async enqueueQuietly(enqueue: () => Promise<void>): Promise<void> {
    try {
      await enqueue();
    } catch (e) {
      this.logger.warn(`enqueue failed, saga recovery will retry: ${(e as Error).message}`);
    }
  }

  /**
   * Adds the job unless one with that id is waiting, delayed or active; retries it when it sits
   * in the failed set. Returns whether it acted. `jobId` null: just run `enqueue`.
   */
  private async ensureJob(jobIdOrNull: string | null, enqueue: () => Promise<void>, retryFailed = true): Promise<boolean> {
    if (!jobIdOrNull) {
      await enqueue();
      return true;
    }
    const queue = this.deps.queues.queue(this.definition.queue);
    const state = await queue.getJobState(jobIdOrNull);
    if (state === 'waiting' || state === 'delayed' || state === 'active' || state === 'prioritized' || state === 'waiting-children')
      return false;
    if (state === 'failed') {
      if (!retryFailed) return false; // a dead-lettered compensation needs a person (replay)
      const job = await queue.getJob(jobIdOrNull);
      await job?.retry('failed');
      return true;
    }
    if (state === 'completed') await queue.remove(jobIdOrNull);
    await enqueue();
    return true;
  }

  private async removeJob(id: string): Promise<void> {
    try {
      await this.deps.queues.queue(this.definition.queue).remove(id);
    } catch {
      // Best effort: a leftover expire job finds the saga no longer waiting and does nothing.
    }
  }

  private view(instance: SagaInstance, steps: SagaStepRecord[], compensations: SagaCompensationRecord[]): SagaView<Ctx> {
    return {
      id: instance.id,
      type: instance.type,
      businessKey: instance.businessKey,
      status: instance.status,
      currentStep: instance.currentStep,
      context: parse(instance.context) as Ctx,
      failureReason: instance.failureReason,
      failureCode: instance.failureCode,
      failedStep: instance.failedStep,
      outcome: instance.outcome,
      correlationId: instance.correlationId,
      version: instance.version,
      createdAt: instance.createdAt,
      updatedAt: instance.updatedAt,
      deadlineAt: instance.deadlineAt,
      cancelRequestedAt: instance.cancelRequestedAt,
      cancelReason: instance.cancelReason,
      decidedBy: instance.decidedBy,
      steps: this.definition.steps.map((s) => {
        const r = steps.find((x) => x.name === s.name);
        return {
          name: s.name,
          status: r?.status ?? 'pending',
          attempts: r?.attempts ?? 0,
          startedAt: r?.startedAt ?? null,
          finishedAt: r?.finishedAt ?? null,
          lastError: r?.lastError ?? null,
          output: r?.output ? parse(r.output) : null,
        };
      }),
      compensations: compensations.map((c) => ({
        seq: c.seq,
        step: c.step,
        action: c.action,
        args: parse(c.args) as Record<string, unknown>,
        status: c.status,
        doneAt: c.doneAt,
      })),
    };
  }
}

function parse(json: string | null | undefined): Record<string, unknown> {
  if (!json) return {};
  return JSON.parse(json) as Record<string, unknown>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error && error.name !== 'Error' ? error.name : 'step-failed';
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
