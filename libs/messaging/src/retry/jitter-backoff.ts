import type { RetryPolicy } from './retry-policy';

/**
 * Delay before retry number `attemptsMade` (1 = after the first failure): the exponential delay
 * `base * 2^(n-1)` capped at `maxDelayMs`, of which the `jitter` share is random. The result lies in
 * [d * (1 - jitter), d]; a thundering herd of jobs failing together spreads over that window.
 */
export function jitterBackoffDelay(
  attemptsMade: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'jitter'>,
  random: () => number = Math.random,
): number {
  const n = Math.max(1, attemptsMade);
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.floor(exponential * (1 - jitter) + random() * exponential * jitter);
}

/** The BullMQ custom backoff strategy for one queue's policy. */
export function jitterBackoffStrategy(policy: RetryPolicy) {
  return (attemptsMade: number) => jitterBackoffDelay(attemptsMade, policy);
}
