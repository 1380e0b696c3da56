import type { KeepJobs } from 'bullmq';

/** How one queue retries, backs off and keeps finished jobs. One policy per queue, set in one place. */
export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  /** Delay before the first retry (ms); doubles per retry. */
  baseDelayMs: number;
  /** Upper bound of a single delay (ms). */
  maxDelayMs: number;
  /** 0..1: share of each delay that is random, so retries of many jobs spread out. */
  jitter: number;
  /** Completed jobs kept (age in s / count): long enough that a re-add with the same job id is a no-op. */
  keepCompleted: KeepJobs;
  /** Failed jobs kept; dead letters hold the durable record. */
  keepFailed: KeepJobs;
}

/** Name of the custom backoff strategy the workers register (BullMQ `settings.backoffStrategy`). */
export const JITTER_BACKOFF = 'plantsync-exponential-jitter';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  jitter: 0.5,
  keepCompleted: { age: 24 * 3600, count: 10_000 },
  keepFailed: { age: 7 * 24 * 3600 },
};

/** BullMQ job options that carry a policy (attempts, backoff type, retention). */
export function jobOptionsFor(policy: RetryPolicy) {
  return {
    attempts: policy.attempts,
    backoff: { type: JITTER_BACKOFF, delay: policy.baseDelayMs },
    removeOnComplete: policy.keepCompleted,
    removeOnFail: policy.keepFailed,
  };
}
