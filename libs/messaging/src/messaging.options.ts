import type { EventSubscription } from './inbox/event-subscription';
import type { JobDefinition } from './jobs/job-definition';
import type { OutboxRelayOptions } from './outbox/outbox.relay';
import type { RetryPolicy } from './retry/retry-policy';

export interface MessagingModuleOptions {
  /** App name, used in Redis connection names. */
  app: string;
  /** Who receives which events (each subscriber gets the queue `events.<subscriber>`). */
  subscriptions?: readonly EventSubscription[];
  /** Retry policy overrides per queue (merged over PLANTSYNC_RETRY_POLICIES). */
  retryPolicies?: Record<string, Partial<RetryPolicy>>;
  /** Run the outbox relay in this app (default false: only apps that write events). */
  relay?: boolean | Partial<OutboxRelayOptions>;
  /**
   * Queues this app processes. At boot every declared job of these queues must have exactly one
   * `@HandlesJob` provider, or boot fails naming the job.
   */
  workers?: { queues: readonly string[]; catalogue: readonly JobDefinition[]; concurrency?: number };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGING_PRODUCER_REDIS = Symbol('MESSAGING_PRODUCER_REDIS');
