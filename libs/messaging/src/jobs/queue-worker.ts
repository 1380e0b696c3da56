import { Logger } from '@nestjs/common';
import { DelayedError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { MessagingRedisSettings } from '../redis/messaging-redis.config';
import { deferralOf } from '../retry/deferral';
import { jitterBackoffStrategy } from '../retry/jitter-backoff';
import { isPermanentError, toBullMqError } from '../retry/permanent-error';
import type { RetryPolicy } from '../retry/retry-policy';

export interface QueueWorkerOptions {
  queue: string;
  settings: MessagingRedisSettings;
  policy: RetryPolicy;
  /** A worker connection (`workerConnectionOptions`); the caller closes it after the worker. */
  connection: Redis;
  concurrency?: number;
  /** Recorded by BullMQ on every job this worker takes (`processedBy`), e.g. 'order-release@host:4242'. */
  name?: string;
  process: (job: Job) => Promise<void>;
  /**
   * The explicit final-failure handler: called before the job fails for good (a permanent error, or
   * its last attempt). Turns it into a dead letter. If it throws, the job still fails in BullMQ's
   * failed set, which keeps it for `keepFailed`.
   */
  onFinalFailure: (job: Job, error: unknown) => Promise<void>;
}

/** Deferred jobs spread over this much extra time, so they do not all meet the half-open trial at once. */
const DEFERRAL_SPREAD_MS = 1000;

/**
 * A BullMQ worker for one queue with the queue's backoff, permanent-error and dead-letter handling.
 * A job whose work was not tried at all (an open circuit, see `deferralOf`) is moved back to the
 * delayed set for the cool-down without spending an attempt (BullMQ's moveToDelayed + DelayedError).
 */
export function createQueueWorker(options: QueueWorkerOptions): Worker {
  const logger = new Logger(`QueueWorker:${options.queue}`);
  const worker = new Worker(
    options.queue,
    async (job: Job, token?: string) => {
      try {
        await options.process(job);
      } catch (error) {
        const deferMs = deferralOf(error);
        if (deferMs !== undefined && token) {
          const spread = Math.floor(Math.random() * DEFERRAL_SPREAD_MS);
          await job.moveToDelayed(Date.now() + deferMs + spread, token);
          logger.log(`job ${job.id} deferred ${deferMs + spread} ms: ${(error as Error).message}`);
          throw new DelayedError();
        }
        const attempts = job.opts.attempts ?? 1;
        if (isPermanentError(error) || job.attemptsMade + 1 >= attempts) await options.onFinalFailure(job, error);
        throw toBullMqError(error);
      }
    },
    {
      connection: options.connection,
      prefix: options.settings.prefix,
      concurrency: options.concurrency ?? 5,
      // Only when set: BullMQ merges these over its defaults, and an undefined would win.
      ...(options.name ? { name: options.name } : {}),
      ...(options.settings.workerLockMs ? { lockDuration: options.settings.workerLockMs } : {}),
      ...(options.settings.stalledCheckMs ? { stalledInterval: options.settings.stalledCheckMs } : {}),
      settings: { backoffStrategy: jitterBackoffStrategy(options.policy) },
    },
  );
  // Connection errors are retried by ioredis; listening keeps them from crashing the process. Logged
  // once per distinct message (a Redis restart repeats ECONNREFUSED every reconnect), so a lost job
  // lock ("Missing lock for job …", the job is re-run after its stalled check) shows in the logs.
  let lastError = '';
  worker.on('error', (err: Error) => {
    if (err.message !== lastError) logger.warn(`worker error: ${err.message}`);
    lastError = err.message;
  });
  worker.on('ready', () => (lastError = ''));
  return worker;
}
