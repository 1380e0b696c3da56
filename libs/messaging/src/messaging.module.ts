import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { untilRedisReady, validateConfig } from '@plantsync/platform';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { circuitOptionsFromEnv } from './circuit-breaker/circuit-breaker.config';
import { CircuitBreakerRegistry } from './circuit-breaker/circuit-breaker.registry';
import { DeadLetterService } from './dead-letters/dead-letter.service';
import { InboxGuard } from './inbox/inbox.guard';
import { JobProducer } from './jobs/job-producer';
import { JobWorkers } from './jobs/job-workers';
import { QueueRegistry } from './jobs/queue-registry';
import { MESSAGING_OPTIONS, MESSAGING_PRODUCER_REDIS, type MessagingModuleOptions } from './messaging.options';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';
import { MessagingRedisConfig, messagingRedisSettings, type MessagingRedisSettings } from './redis/messaging-redis.config';
import { MessagingRedisSettingsToken } from './redis/messaging-redis.tokens';
import { RedisSettingsCheck } from './redis/redis-settings.check';
import { createMessagingRedis, producerConnectionOptions } from './redis/redis-connections';
import { PLANTSYNC_RETRY_POLICIES, RetryPolicies } from './retry/retry-policies';
import { mergeRetryPolicies, retryPolicyOverridesFromEnv } from './retry/retry-policies.env';

/** Starts the relay at boot (when enabled) and stops it, the queues and the producer connection at shutdown. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGING_PRODUCER_REDIS) private readonly redis: Redis,
    private readonly relay: OutboxRelay,
    private readonly queues: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.relay) this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.queues.close();
    this.redis.disconnect();
  }
}

/**
 * Queues, outbox, inbox, job workers, retry policies, circuit breakers and dead letters for one app.
 * Needs PlatformModule and PersistenceModule (for the DataSource) with `messagingEntities` and
 * `messagingMigrations` in its options. Global: import once in the root module.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const relayOptions = { ...DEFAULT_RELAY_OPTIONS, ...(typeof options.relay === 'object' ? options.relay : {}) };
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: MessagingRedisSettingsToken, useFactory: () => messagingRedisSettings(validateConfig(MessagingRedisConfig)) },
        {
          provide: MESSAGING_PRODUCER_REDIS,
          inject: [MessagingRedisSettingsToken],
          // Wait (bounded) for the connection: with no offline queue, a job enqueued right after boot
          // would otherwise be refused and only picked up later by the saga recovery sweep.
          useFactory: async (s: MessagingRedisSettings) => {
            const redis = createMessagingRedis(s.url, producerConnectionOptions(`plantsync:${options.app}:producer`));
            await untilRedisReady(redis, 3000);
            return redis;
          },
        },
        {
          provide: RetryPolicies,
          // Code defaults, then the app's overrides, then the operator's env, merged field by field.
          useFactory: () => new RetryPolicies(mergeRetryPolicies(PLANTSYNC_RETRY_POLICIES, options.retryPolicies, retryPolicyOverridesFromEnv())),
        },
        {
          provide: QueueRegistry,
          inject: [MessagingRedisSettingsToken, RetryPolicies, MESSAGING_PRODUCER_REDIS],
          useFactory: (s: MessagingRedisSettings, p: RetryPolicies, r: Redis) => new QueueRegistry(s, p, r),
        },
        { provide: JobProducer, inject: [QueueRegistry], useFactory: (q: QueueRegistry) => new JobProducer(q) },
        OutboxWriter,
        {
          provide: OutboxRelay,
          inject: [DataSource, QueueRegistry],
          useFactory: (ds: DataSource, q: QueueRegistry) => new OutboxRelay(ds, q, options.subscriptions ?? [], relayOptions),
        },
        { provide: InboxGuard, inject: [DataSource], useFactory: (ds: DataSource) => new InboxGuard(ds) },
        { provide: DeadLetterService, inject: [DataSource, QueueRegistry], useFactory: (ds: DataSource, q: QueueRegistry) => new DeadLetterService(ds, q) },
        { provide: CircuitBreakerRegistry, useFactory: () => new CircuitBreakerRegistry(circuitOptionsFromEnv()) },
        RedisSettingsCheck,
        JobWorkers,
        MessagingLifecycle,
      ],
      exports: [
        MESSAGING_OPTIONS,
        MessagingRedisSettingsToken,
        QueueRegistry,
        JobProducer,
        OutboxWriter,
        OutboxRelay,
        InboxGuard,
        DeadLetterService,
        CircuitBreakerRegistry,
        RetryPolicies,
      ],
    };
  }
}
