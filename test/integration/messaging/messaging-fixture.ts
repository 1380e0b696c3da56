import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  prepareDatabase,
} from '@plantsync/persistence';
import {
  createMessagingRedis,
  messagingEntities,
  messagingMigrations,
  producerConnectionOptions,
  QueueRegistry,
  queuePrefix,
  RetryPolicies,
  workerConnectionOptions,
  type MessagingRedisSettings,
  type RetryPolicy,
} from '@plantsync/messaging';
import { createTestDatabase, redisTestPrefix, type TestDatabase } from '@plantsync/testing';
import type { Redis } from 'ioredis';

/** A real database (SQLite or a PostgreSQL schema) with the messaging tables, and a Redis prefix. */
export interface MessagingFixture {
  dataSource: DataSource;
  settings: MessagingRedisSettings;
  producer: Redis;
  queues: QueueRegistry;
  /** A new worker connection, closed by cleanup. */
  workerConnection(): Redis;
  /** Obliterates the named queues, closes everything, drops the schema and the Redis keys. */
  cleanup(queueNames: string[]): Promise<void>;
}

export async function messagingFixture(
  name: string,
  kind: 'sqlite' | 'postgres',
  policies: Record<string, Partial<RetryPolicy>> = {},
): Promise<MessagingFixture> {
  const db: TestDatabase = createTestDatabase(kind);
  const redis = redisTestPrefix(`messaging-${name}-${kind}`);
  const options = buildDataSourceOptions(
    { app: 'messaging-test', entities: messagingEntities, migrations: messagingMigrations },
    db.env,
  );
  await prepareDatabase(options);
  const dataSource = new DataSource({ ...options, logging: false });
  await dataSource.initialize();
  const settings = { url: redis.env.REDIS_URL!, prefix: queuePrefix(redis.prefix, false) };
  const producer = createMessagingRedis(settings.url, producerConnectionOptions('messaging-test:producer'));
  await new Promise<void>((resolve) => (producer.status === 'ready' ? resolve() : producer.once('ready', () => resolve())));
  const queues = new QueueRegistry(settings, new RetryPolicies(policies), producer);
  const workers: Redis[] = [];
  return {
    dataSource,
    settings,
    producer,
    queues,
    workerConnection() {
      const c = createMessagingRedis(settings.url, workerConnectionOptions('messaging-test:worker'));
      workers.push(c);
      return c;
    },
    async cleanup(queueNames) {
      for (const q of queueNames) {
        const queue = new Queue(q, { connection: producer, prefix: settings.prefix });
        await queue.obliterate({ force: true });
        await queue.close();
      }
      await queues.close();
      for (const w of workers) w.disconnect();
      producer.disconnect();
      await dataSource.destroy();
      await db.cleanup();
      await redis.cleanup();
    },
  };
}
