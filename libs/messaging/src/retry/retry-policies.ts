import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/**
 * The retry policy of every queue, in one place: producers take attempts/backoff/retention from it
 * (queue default job options), workers take the backoff strategy. Unlisted queues get the default.
 */
export class RetryPolicies {
  private readonly policies: Map<string, RetryPolicy>;

  constructor(
    overrides: Record<string, Partial<RetryPolicy>> = {},
    private readonly fallback: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.policies = new Map(Object.entries(overrides).map(([queue, p]) => [queue, { ...fallback, ...p }]));
  }

  for(queue: string): RetryPolicy {
    return this.policies.get(queue) ?? this.fallback;
  }
}

/**
 * Defaults for Plantsync's queues. Sagas retry longer (a plant ERP down for maintenance should not
 * fail a release), event deliveries retry many times but cheaply.
 */
export const PLANTSYNC_RETRY_POLICIES: Record<string, Partial<RetryPolicy>> = {
  'order-release': { attempts: 8, baseDelayMs: 2000, maxDelayMs: 5 * 60_000 },
  'inventory-transfer': { attempts: 8, baseDelayMs: 2000, maxDelayMs: 5 * 60_000 },
  'production-sync': { attempts: 5, baseDelayMs: 5000, maxDelayMs: 10 * 60_000 },
};
