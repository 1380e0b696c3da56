// libs/messaging: the reliable event backbone — CloudEvents, outbox, inbox, typed jobs, retry,
// circuit breakers, dead letters and Redis settings.
export * from './events/cloud-event';
export * from './events/event-definition';
export * from './events/event-catalogue';
export * from './events/event-validator';
export * from './events/create-event';
export * from './events/event-docs';

export * from './outbox/outbox-event.entity';
export * from './outbox/create-outbox-event.migration';
export * from './outbox/outbox.writer';
export * from './outbox/outbox.relay';

export * from './inbox/inbox-message.entity';
export * from './inbox/create-inbox-message.migration';
export * from './inbox/inbox.guard';
export * from './inbox/event-subscription';
export * from './inbox/event-consumer';
export * from './inbox/event-delivery';

export * from './jobs/job-definition';
export * from './jobs/job-id';
export * from './jobs/job-handler';
export * from './jobs/job-catalogue';
export * from './jobs/process-jobs.catalogue';
export * from './jobs/queue-registry';
export * from './jobs/job-producer';
export * from './jobs/queue-worker';

export * from './retry/retry-policy';
export * from './retry/retry-policies';
export * from './retry/retry-policies.env';
export * from './retry/jitter-backoff';
export * from './retry/permanent-error';
export * from './retry/deferral';

export * from './circuit-breaker/circuit-breaker';
export * from './circuit-breaker/circuit-breaker.registry';
export * from './circuit-breaker/circuit-open.error';
export * from './circuit-breaker/circuit-breaker.config';

export * from './dead-letters/dead-letter.entity';
export * from './dead-letters/create-dead-letter.migration';
export * from './dead-letters/dead-letter.service';
export * from './dead-letters/dead-letter.errors';
export * from './dead-letters/business-key';

export * from './redis/messaging-redis.config';
export * from './redis/redis-connections';
export * from './redis/queue-unavailable.error';
export * from './redis/eviction-policy.check';

export * from './messaging.schema';

export { MessagingModule } from './messaging.module';
export { MESSAGING_OPTIONS, MESSAGING_PRODUCER_REDIS, type MessagingModuleOptions } from './messaging.options';
export { MessagingRedisSettingsToken } from './redis/messaging-redis.tokens';
export { RedisSettingsCheck } from './redis/redis-settings.check';
export { JobWorkers } from './jobs/job-workers';
export { DeadLettersModule } from './dead-letters/dead-letters.module';
export { DeadLettersController } from './dead-letters/dead-letters.controller';
export * from './dead-letters/dead-letter.dto';
