/**
 * Env that makes the process apps react in seconds instead of minutes, so the fault suite stays
 * short. Production keeps the defaults (30 s job locks, a one-minute recovery sweep, retries from
 * 2 s up to 5 min); the behaviour under test is the same, only the clocks are faster.
 */
export const FAST_TAKEOVER = {
  // A SIGKILLed worker's job is taken over ~5-8 s later instead of ~30-60 s.
  PLANTSYNC_WORKER_LOCK_MS: '5000',
  PLANTSYNC_WORKER_STALLED_CHECK_MS: '2500',
  // A saga whose next job was lost (Redis down at the enqueue, a job failed for stalling) is
  // found by the recovery sweep within seconds.
  SAGA_RECOVERY_INTERVAL_MS: '2000',
  SAGA_RECOVERY_STALE_AFTER_MS: '5000',
};

/** PLANTSYNC_RETRY_POLICIES for both process queues. */
export function retryPolicies(policy: {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}): Record<string, string> {
  return {
    PLANTSYNC_RETRY_POLICIES: JSON.stringify({
      'order-release': policy,
      'inventory-transfer': policy,
    }),
  };
}
