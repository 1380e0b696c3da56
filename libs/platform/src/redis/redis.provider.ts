import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { PlatformConfig } from '../config/platform.config';
import { PLATFORM_REDIS, PLATFORM_REDIS_PREFIX } from './redis.tokens';

/**
 * Builds the shared client. A down Redis must fail fast instead of queueing commands
 * (idempotency answers 503 rather than hang), so the offline queue is off, connecting times
 * out after 2 s and a command gets one retry; the client keeps reconnecting in the background.
 */
export function createPlatformRedis(url: string, connectionName: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: 5000,
    maxRetriesPerRequest: 1,
    connectionName,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Without a listener ioredis prints every reconnect failure as an unhandled error event.
  const logger = new Logger('PlatformRedis');
  let lastError = '';
  redis.on('error', (err: Error) => {
    if (err.message !== lastError) logger.warn(`Redis error: ${err.message}`);
    lastError = err.message;
  });
  redis.on('ready', () => (lastError = ''));
  return redis;
}

/**
 * Resolves once the client is ready or after `ms`, whichever comes first. Boot waits for it so the
 * first request after start-up does not meet a still-connecting client (no offline queue → 503);
 * a Redis that is down does not block boot: readiness reports it instead.
 */
export function untilRedisReady(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
  });
}

@Injectable()
export class PlatformRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(PLATFORM_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}

export function redisProviders(app: string): Provider[] {
  return [
    {
      provide: PLATFORM_REDIS,
      inject: [PlatformConfig],
      useFactory: async (config: PlatformConfig) => {
        const redis = createPlatformRedis(config.REDIS_URL, `plantsync:${app}`);
        await untilRedisReady(redis, 3000);
        return redis;
      },
    },
    {
      provide: PLATFORM_REDIS_PREFIX,
      inject: [PlatformConfig],
      useFactory: (config: PlatformConfig) => config.PLANTSYNC_REDIS_PREFIX,
    },
    PlatformRedisCloser,
  ];
}
