import type { CloudEvent } from '@plantsync/messaging';
import type { SagaTools } from './saga-tools';

/** What a step asks the engine to commit with its completion, in one transaction. */
export interface SagaStepDone<Ctx> {
  /** Merged into the saga context. */
  patch?: Partial<Ctx>;
  /** Written to the outbox in the same transaction as the step's completion. */
  events?: CloudEvent[];
  /** Kept on the step row for GET and compensations (defaults to `patch`); replaces any checkpoint. */
  output?: unknown;
  /** The step had nothing to do (status `skipped` instead of `done`). */
  skipped?: boolean;
}

/**
 * The step cannot finish without a person: the saga waits as `awaiting_approval` until
 * `approve`, `reject`, `cancel` or `until` (then `expired`, compensations run).
 */
export interface SagaStepWait<Ctx> extends Omit<SagaStepDone<Ctx>, 'skipped'> {
  wait: { reason: string; until: Date };
}

export type SagaStepOutcome<Ctx> = SagaStepDone<Ctx> | SagaStepWait<Ctx>;

/** A compensation to run if the saga fails later: a named action of the definition and its args. */
export interface SagaCompensationSpec {
  action: string;
  args: Record<string, unknown>;
}

export interface SagaStep<Ctx> {
  /** Unique in the saga; also the BullMQ job name of the step (declare it in the job catalogue). */
  name: string;
  /**
   * Registered (persisted) BEFORE `run`, so a crash in the middle of `run` still compensates. They
   * run even when `run` fails, so each action must tolerate "nothing to undo". Computed once per
   * saga: a re-run of the step keeps the first registration.
   */
  compensations?(ctx: Ctx, tools: SagaTools): SagaCompensationSpec[];
  /**
   * The step's work. Runs at least once: pass `tools.idempotencyKey` to every backend call.
   * Throw `SagaStepFailed` for a business failure, a classified permanent error for a refusal;
   * anything else is retried with the queue's RetryPolicy.
   */
  run(ctx: Ctx, tools: SagaTools): Promise<SagaStepOutcome<Ctx>>;
  /**
   * What a failure of this step does (a permanent error, a SagaStepFailed, the last try of a
   * transient error, or the deadline of its wait). `compensate` (default): run the registered
   * compensations in reverse. `exception`: the saga is past a point of no return (goods shipped),
   * so it stops as `exception` with the reason for a person, who can `retry` the step or
   * `resolve` the saga; nothing is undone, and cancel/reject are refused.
   */
  onFailure?: 'compensate' | 'exception';
}

/** What a compensation can read of the saga besides its registered args. */
export interface SagaSnapshot<Ctx> {
  context: Ctx;
  /** Output (or last checkpoint) of every step that has one, by step name. */
  outputs: Record<string, unknown>;
}

/**
 * Idempotent undo of one step's effect; `tools.idempotencyKey` is `<sagaId>-compensate-<seq>`.
 * `args` were fixed before the step ran; `saga` is read when the compensation runs.
 */
export type SagaCompensationHandler<Ctx = object> = (
  args: Record<string, unknown>,
  tools: SagaTools,
  saga: SagaSnapshot<Ctx>,
) => Promise<void | { events?: CloudEvent[] }>;

/** Why a saga stopped as `exception` (a step with `onFailure: 'exception'` failed). */
export interface SagaExceptionInfo {
  step: string;
  reason: string;
  code: string;
}

/** How a saga ended when it did not complete. */
export type SagaFailureOutcome = 'failed' | 'cancelled' | 'expired';

export interface SagaFailureInfo {
  outcome: SagaFailureOutcome;
  /** The step that failed, waited or was about to run. */
  step: string | null;
  reason: string;
  /** Stable code, e.g. `bom-revision-not-found`, `rejected`, `expired`, `cancelled`. */
  code: string;
}

export interface SagaDefinition<Ctx extends object> {
  /** Saga type, e.g. `order-release`. */
  type: string;
  /** BullMQ queue the step and compensation jobs go to (one saga type per queue). */
  queue: string;
  /** Ordered steps. */
  steps: readonly SagaStep<Ctx>[];
  /** Compensation actions by name; each idempotent. Also BullMQ job names. */
  compensate?: Readonly<Record<string, SagaCompensationHandler<Ctx>>>;
  /** CloudEvent `source` of the events `tools.event` builds, e.g. `/plantsync/order-release`. */
  source: string;
  /**
   * Extra job payload fields (ids only) so dead letters and logs name the business object,
   * e.g. `{ plant: 'P100', productionOrder: 'MO-P100-0001' }`.
   */
  jobPayload?(saga: { businessKey: string; context: Ctx }): Record<string, string>;
  /** Events written with the final state when the saga fails, is cancelled or expires. */
  onFailed?(ctx: Ctx, failure: SagaFailureInfo, tools: SagaTools): CloudEvent[];
  /** Events written with the move to `exception` (the saga waits for a person; nothing is undone). */
  onException?(ctx: Ctx, exception: SagaExceptionInfo, tools: SagaTools): CloudEvent[];
}

export function isWait<Ctx>(outcome: SagaStepOutcome<Ctx>): outcome is SagaStepWait<Ctx> {
  return 'wait' in outcome && outcome.wait !== undefined;
}
