import { Redis } from 'ioredis';
import {
  checkEvictionPolicy,
  createMessagingRedis,
  JobProducer,
  ProcessJobs,
  producerConnectionOptions,
  QueueRegistry,
  QueueUnavailableError,
  RetryPolicies,
} from '@plantsync/messaging';
import { isClassifiedError } from '@plantsync/platform';

it('a producer fails fast with a 503-classified error when Redis is down', async () => {
  // Nothing listens on port 1.
  const redis = createMessagingRedis('redis://127.0.0.1:1', producerConnectionOptions('messaging-test:down'));
  const queues = new QueueRegistry({ url: 'redis://127.0.0.1:1', prefix: 'test:redis-down' }, new RetryPolicies(), redis);
  try {
    const started = Date.now();
    const error = await new JobProducer(queues)
      .enqueue(
        ProcessJobs.ReserveComponents,
        { plant: 'P100', productionOrder: 'PO-5000', sagaId: 'saga-5000', correlationId: 'corr-PO-5000' },
        { jobId: 'P100/PO-5000-reserve-components' },
      )
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000); // fails fast instead of waiting for Redis to come back
    expect(error).toBeInstanceOf(QueueUnavailableError);
    expect(isClassifiedError(error) && error.classification).toBe('unavailable');
    expect((error as QueueUnavailableError).retryAfterSeconds).toBe(5);
  } finally {
    await queues.close();
    redis.disconnect();
  }
});

it('reads maxmemory-policy and reports anything but noeviction', async () => {
  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  try {
    // The local Redis is configured like production.
    expect(await checkEvictionPolicy(redis)).toEqual({ ok: true, policy: 'noeviction' });
  } finally {
    redis.disconnect();
  }
});

it('reports unknown, not failure, when CONFIG cannot be read (disabled on managed Redis)', async () => {
  const redis = createMessagingRedis('redis://127.0.0.1:1', { ...producerConnectionOptions('x'), lazyConnect: true });
  try {
    const verdict = await checkEvictionPolicy(redis);
    expect(verdict.ok).toBe('unknown');
  } finally {
    redis.disconnect();
  }
});
