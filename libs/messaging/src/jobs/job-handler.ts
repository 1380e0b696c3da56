import { SetMetadata } from '@nestjs/common';
import type { JobDefinition, JobPayload } from './job-definition';

export const JOB_HANDLER_METADATA = 'plantsync:job-handler';

/** What a handler learns about the run besides its payload. */
export interface JobRun {
  id: string;
  queue: string;
  name: string;
  /** 1 on the first try. */
  attempt: number;
}

/**
 * One job's processor, one per file. Runs at least once: it must be safe to run twice (reload
 * state by the payload's ids, check before acting, use the inbox or a deterministic backend key).
 */
export abstract class JobHandler<P extends JobPayload = JobPayload> {
  abstract handle(payload: P, run: JobRun): Promise<void>;
}

/** Marks a provider as the handler of `job`; JobWorkers finds it at boot. */
export const HandlesJob = (job: JobDefinition) => SetMetadata(JOB_HANDLER_METADATA, job);
