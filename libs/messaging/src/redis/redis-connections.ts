import { Redis, type RedisOptions } from 'ioredis';

/**
 * Connection settings from BullMQ's production guide ("Going to production").
 *
 * Workers block on Redis and must ride out a Redis restart: `maxRetriesPerRequest: null` (BullMQ
 * requires it for blocking connections) and the offline queue on, so commands wait for the reconnect.
 *
 * Producers run inside API requests: with `enableOfflineQueue: false` a `queue.add` fails at once
 * when Redis is down, and the API answers 503 instead of hanging the request.
 */
const reconnect = (attempt: number) => Math.min(attempt * 200, 2000);

export function workerConnectionOptions(name: string): RedisOptions {
  return { maxRetriesPerRequest: null, enableOfflineQueue: true, connectionName: name, retryStrategy: reconnect };
}

export function producerConnectionOptions(name: string): RedisOptions {
  return {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    connectionName: name,
    retryStrategy: reconnect,
  };
}

/** A client for the given role; the caller owns it (BullMQ does not close a passed-in client). */
export function createMessagingRedis(url: string, options: RedisOptions): Redis {
  const redis = new Redis(url, options);
  // Without a listener ioredis reports each failed reconnect as an unhandled 'error' event.
  redis.on('error', () => undefined);
  return redis;
}
