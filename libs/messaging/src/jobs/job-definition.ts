/**
 * Every job payload carries the ids the processor needs to reload state, and the correlation id
 * of the business flow. Never whole records: state may have moved on by the time the job runs.
 */
export interface JobPayload {
  correlationId: string;
}

/** A declared job: its queue, its name, and (as a phantom type) its payload. */
export interface JobDefinition<P extends JobPayload = JobPayload> {
  readonly queue: string;
  readonly name: string;
  /** Type only: lets `enqueue(def, payload)` and `JobHandler<P>` agree on P. Never set. */
  readonly __payload?: P;
}

export type PayloadOf<D> = D extends JobDefinition<infer P> ? P : never;

export function defineJob<P extends JobPayload>(queue: string, name: string): JobDefinition<P> {
  return Object.freeze({ queue, name });
}

export function jobKey(def: { queue: string; name: string }): string {
  return `${def.queue}/${def.name}`;
}
