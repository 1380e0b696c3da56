import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { MessagingRedisSettings } from '../redis/messaging-redis.config';
import { QueueUnavailableError } from '../redis/queue-unavailable.error';
import { jobOptionsFor } from '../retry/retry-policy';
import type { RetryPolicies } from '../retry/retry-policies';

/**
 * Producer-side queues, created on first use over one shared producer connection (offline
 * queue off). `add` fails fast with QueueUnavailableError (503) when Redis is unreachable.
 */
export class QueueRegistry {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly settings: MessagingRedisSettings,
    private readonly policies: RetryPolicies,
    private readonly connection: Redis,
  ) {}

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.settings.prefix,
        defaultJobOptions: jobOptionsFor(this.policies.for(name)),
        // Fail at once rather than wait for a connection inside an API request.
        skipWaitingForReady: true,
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds a job; a job with the same `jobId` already in the queue makes this a no-op. */
  async add(queueName: string, jobName: string, data: unknown, opts: JobsOptions & { jobId: string }): Promise<void> {
    if (this.connection.status !== 'ready')
      throw new QueueUnavailableError(queueName, new Error(`Redis connection is ${this.connection.status}`));
    try {
      await this.queue(queueName).add(jobName, data, opts);
    } catch (e) {
      if (this.connection.status !== 'ready') throw new QueueUnavailableError(queueName, e);
      throw e;
    }
  }

  /**
   * Adds several jobs to one queue in one Redis round trip (BullMQ pipelines them), in the given
   * order; as with `add`, a job whose `jobId` is already in the queue is left as it is.
   */
  async addBulk(
    queueName: string,
    jobs: ReadonlyArray<{ name: string; data: unknown; opts: JobsOptions & { jobId: string } }>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    if (this.connection.status !== 'ready')
      throw new QueueUnavailableError(queueName, new Error(`Redis connection is ${this.connection.status}`));
    try {
      await this.queue(queueName).addBulk([...jobs]);
    } catch (e) {
      if (this.connection.status !== 'ready') throw new QueueUnavailableError(queueName, e);
      throw e;
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
