import { validateConfig } from '@plantsync/platform';
import { MessagingRedisConfig, messagingRedisSettings, queuePrefix } from './messaging-redis.config';
import { producerConnectionOptions, workerConnectionOptions } from './redis-connections';

it.each([
  ['plantsync:', false, 'plantsync'],
  ['plantsync:', true, '{plantsync}'],
  ['test:messaging:1a2b:', false, 'test:messaging:1a2b'],
  ['{plantsync}', true, '{plantsync}'],
  ['', false, 'plantsync'],
])('PLANTSYNC_REDIS_PREFIX %j (cluster %s) → BullMQ prefix %j', (env, cluster, expected) => {
  expect(queuePrefix(env, cluster)).toBe(expected);
});

it('reads the env', () => {
  const config = validateConfig(MessagingRedisConfig, { PLANTSYNC_REDIS_PREFIX: 'erp:', PLANTSYNC_REDIS_CLUSTER: 'true' });
  expect(messagingRedisSettings(config)).toEqual({ url: 'redis://127.0.0.1:6379', prefix: '{erp}' });
  expect(() => validateConfig(MessagingRedisConfig, { PLANTSYNC_REDIS_CLUSTER: 'yes' })).toThrow('PLANTSYNC_REDIS_CLUSTER');
});

it('reads worker lock and stalled-check periods only when set', () => {
  const tuned = validateConfig(MessagingRedisConfig, { PLANTSYNC_WORKER_LOCK_MS: '5000', PLANTSYNC_WORKER_STALLED_CHECK_MS: '2000' });
  expect(messagingRedisSettings(tuned)).toMatchObject({ workerLockMs: 5000, stalledCheckMs: 2000 });
  expect(messagingRedisSettings(validateConfig(MessagingRedisConfig, {}))).not.toHaveProperty('workerLockMs');
  expect(() => validateConfig(MessagingRedisConfig, { PLANTSYNC_WORKER_LOCK_MS: '10' })).toThrow('PLANTSYNC_WORKER_LOCK_MS');
});

it('follows the BullMQ production guide for workers and producers', () => {
  expect(workerConnectionOptions('w')).toMatchObject({ maxRetriesPerRequest: null });
  expect(producerConnectionOptions('p')).toMatchObject({ enableOfflineQueue: false });
});
