import { queuePrefix } from '@plantsync/messaging';
import { Queue } from 'bullmq';

export interface JobRecord {
  id: string;
  name: string;
  state: 'completed' | 'failed' | 'active' | 'waiting' | 'delayed';
  /** The worker that took it last (`<app>@<host>:<pid>`, see libs/messaging JobWorkers). */
  processedBy: string | undefined;
  attemptsMade: number;
  finishedOn: number | undefined;
  failedReason: string | undefined;
}

/**
 * Reads one queue's jobs straight from Redis with BullMQ's own Queue class (read only), e.g. which
 * worker process ran which step, or whether a replayed job has finished.
 */
export async function queueJobs(
  redisUrl: string,
  redisPrefix: string,
  queueName: string,
): Promise<JobRecord[]> {
  const queue = new Queue(queueName, {
    connection: { url: redisUrl, maxRetriesPerRequest: 1 },
    prefix: queuePrefix(redisPrefix, false),
  });
  try {
    const out: JobRecord[] = [];
    for (const state of ['completed', 'failed', 'active', 'waiting', 'delayed'] as const) {
      const jobs = await queue.getJobs([state], 0, 999);
      for (const job of jobs)
        if (job?.id)
          out.push({
            id: job.id,
            name: job.name,
            state,
            processedBy: job.processedBy,
            attemptsMade: job.attemptsMade,
            finishedOn: job.finishedOn,
            failedReason: job.failedReason || undefined,
          });
    }
    return out;
  } finally {
    await queue.close();
  }
}
