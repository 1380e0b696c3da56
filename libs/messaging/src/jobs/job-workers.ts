import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DeadLetterService } from '../dead-letters/dead-letter.service';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import { MessagingRedisSettingsToken } from '../redis/messaging-redis.tokens';
import type { MessagingRedisSettings } from '../redis/messaging-redis.config';
import { createMessagingRedis, workerConnectionOptions } from '../redis/redis-connections';
import { errorReason } from '../retry/permanent-error';
import { RetryPolicies } from '../retry/retry-policies';
import { JobCatalogue, type RegisteredHandler } from './job-catalogue';
import { jobKey, type JobDefinition } from './job-definition';
import { JOB_HANDLER_METADATA, JobHandler } from './job-handler';
import { createQueueWorker } from './queue-worker';

/**
 * Finds every `@HandlesJob` provider, checks them against the catalogue (boot fails on a job with
 * no handler or two), starts one BullMQ worker per consumed queue, and on shutdown closes the
 * workers, which waits for the jobs they are running.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobWorkers');
  private readonly running: { worker: Worker; connection: Redis }[] = [];

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MessagingRedisSettingsToken) private readonly settings: MessagingRedisSettings,
    private readonly policies: RetryPolicies,
    private readonly deadLetters: DeadLetterService,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  /** The handlers the app registered, checked against the catalogue. Throws JobCatalogueError. */
  resolveHandlers(): Map<string, JobHandler> {
    const workers = this.options.workers;
    if (!workers) return new Map();
    const found: RegisteredHandler<JobHandler>[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const job = this.reflector.get<JobDefinition | undefined>(JOB_HANDLER_METADATA, wrapper.metatype);
      if (job) found.push({ job, name: wrapper.name, handler: wrapper.instance as JobHandler });
    }
    return new JobCatalogue(workers.catalogue).resolve(found, workers.queues);
  }

  onApplicationBootstrap(): void {
    const workers = this.options.workers;
    if (!workers) return;
    const handlers = this.resolveHandlers();
    for (const queue of workers.queues) {
      const connection = createMessagingRedis(this.settings.url, workerConnectionOptions(`plantsync:${this.options.app}:worker`));
      const worker = createQueueWorker({
        queue,
        settings: this.settings,
        policy: this.policies.for(queue),
        connection,
        concurrency: workers.concurrency,
        // Which process ran a job (BullMQ `processedBy`): for operators, and for tests that
        // prove several worker processes share a queue.
        name: `${this.options.app}@${hostname()}:${process.pid}`,
        process: async (job) => {
          const handler = handlers.get(jobKey({ queue, name: job.name }));
          if (!handler) throw new Error(`no handler for job ${queue}/${job.name}`);
          await handler.handle(job.data, { id: job.id!, queue, name: job.name, attempt: job.attemptsMade + 1 });
        },
        onFinalFailure: (job, error) =>
          this.deadLetters.record({
            queue,
            jobName: job.name,
            jobId: job.id!,
            payload: job.data,
            reason: errorReason(error),
            attempts: job.attemptsMade + 1,
            lastError: error instanceof Error ? error.message : String(error),
          }),
      });
      this.running.push({ worker, connection });
      this.logger.log(`processing queue ${queue}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // close() stops taking new jobs and waits for the active ones to finish.
    await Promise.all(this.running.map(({ worker }) => worker.close()));
    for (const { connection } of this.running) connection.disconnect();
    this.running.length = 0;
  }
}
