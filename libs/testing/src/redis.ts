import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export interface RedisTestPrefix {
  /** Unique key prefix for this test file, e.g. 'test:platform-idempotency:1a2b3c4d:'. */
  prefix: string;
  /** Env to boot an app with this prefix (PLANTSYNC_REDIS_PREFIX and REDIS_URL). */
  env: Record<string, string>;
  /** Deletes every key under the prefix (SCAN + UNLINK) and closes the helper's connection. */
  cleanup(): Promise<void>;
}

/** A Redis key prefix of its own for one test file, so tests never see each other's keys. */
export function redisTestPrefix(name: string): RedisTestPrefix {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const prefix = `test:${name}:${randomBytes(4).toString('hex')}:`;
  return {
    prefix,
    env: { PLANTSYNC_REDIS_PREFIX: prefix, REDIS_URL: url },
    async cleanup() {
      const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          cursor = next;
          if (keys.length > 0) await redis.unlink(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
