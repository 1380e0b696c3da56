import type { JobDefinition, JobPayload } from './job-definition';
import type { QueueRegistry } from './queue-registry';

/**
 * Enqueues catalogue jobs with a deterministic id (see jobId()). Call it after the transaction that
 * decided the step has committed; if the process dies in between, the saga's recovery re-enqueues
 * and the same id makes that safe.
 */
export class JobProducer {
  constructor(private readonly queues: QueueRegistry) {}

  enqueue<P extends JobPayload>(job: JobDefinition<P>, payload: P, options: { jobId: string; delayMs?: number }): Promise<void> {
    return this.queues.add(job.queue, job.name, payload, { jobId: options.jobId, delay: options.delayMs });
  }
}
