import { defineJob, jobId, type JobDefinition, type JobPayload } from '@plantsync/messaging';
import type { SagaDefinition } from '../definition/saga-definition';

/** Job name of the approval deadline of a waiting saga (delayed job `<sagaId>-expire`). */
export const SAGA_EXPIRE_JOB = 'expire-approval';

/**
 * Payload of every saga job: ids only (the processor reloads the saga). Plus the definition's
 * `jobPayload` fields (e.g. plant, productionOrder) so dead letters name the business object.
 */
export interface SagaJobPayload extends JobPayload {
  sagaId: string;
  /** Compensation jobs: which registered compensation. */
  seq?: number;
  [field: string]: unknown;
}

export type SagaJobKind = 'step' | 'compensation' | 'expire';

export interface SagaJob {
  kind: SagaJobKind;
  def: JobDefinition<SagaJobPayload>;
}

/**
 * The jobs a saga runs on its queue: one per step (job name = step name), one per compensation
 * action, and the approval deadline. Declare the same names in the app's job catalogue; the boot
 * check then proves catalogue and saga agree.
 */
export function sagaJobs<Ctx extends object>(definition: SagaDefinition<Ctx>): SagaJob[] {
  const jobs: SagaJob[] = [
    ...definition.steps.map((s) => ({ kind: 'step' as const, def: defineJob<SagaJobPayload>(definition.queue, s.name) })),
    ...Object.keys(definition.compensate ?? {}).map((action) => ({
      kind: 'compensation' as const,
      def: defineJob<SagaJobPayload>(definition.queue, action),
    })),
    { kind: 'expire', def: defineJob<SagaJobPayload>(definition.queue, SAGA_EXPIRE_JOB) },
  ];
  const names = jobs.map((j) => j.def.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0) throw new Error(`saga ${definition.type}: job name(s) used twice: ${[...new Set(twice)].join(', ')}`);
  return jobs;
}

/** The job definitions of a saga, for `MessagingModule.forRoot({ workers: { catalogue } })` in tests. */
export function sagaJobDefinitions<Ctx extends object>(definition: SagaDefinition<Ctx>): JobDefinition[] {
  return sagaJobs(definition).map((j) => j.def);
}

/** Deterministic job ids: a retry, a re-run or a recovery re-enqueue never adds a second job. */
export const sagaJobIds = {
  step: (sagaId: string, step: string) => jobId(sagaId, step),
  compensation: (sagaId: string, action: string, seq: number) => jobId(sagaId, `${action}-${seq}`),
  expire: (sagaId: string) => jobId(sagaId, 'expire'),
};
