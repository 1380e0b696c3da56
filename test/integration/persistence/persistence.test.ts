import path from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InjectRepository } from '@nestjs/typeorm';
import { Allow, createApp, PlatformModule } from '@plantsync/platform';
import {
  buildDataSourceOptions,
  pendingSchemaChanges,
  PersistenceModule,
} from '@plantsync/persistence';
import { createTestDatabase, redisTestPrefix, TestDatabase } from '@plantsync/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CreateSyncCursor1718000000000, DriftedSyncCursor, SyncCursor } from './fixtures';

@Controller('cursors')
class CursorController {
  constructor(@InjectRepository(SyncCursor) private readonly cursors: Repository<SyncCursor>) {}

  @Get()
  @Allow('planner')
  async list() {
    await this.cursors.save({
      id: 'P100:inventory',
      plant: 'P100',
      domain: 'inventory',
      cursor: '2024-06-01T06:00:00Z',
    });
    return this.cursors.find();
  }
}

@Module({
  imports: [
    PlatformModule.forRoot({ app: 'persistence-test' }),
    PersistenceModule.forRoot({
      app: 'persistence-test',
      entities: [SyncCursor],
      migrations: [CreateSyncCursor1718000000000],
    }),
    TypeOrmModule.forFeature([SyncCursor]),
  ],
  controllers: [CursorController],
})
class PersistenceTestModule {}

const redis = redisTestPrefix('persistence');
const savedEnv = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, redis.env, {
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: path.join(__dirname, '../../../config/api-keys.demo.yaml'),
  });
});

afterAll(async () => {
  await redis.cleanup();
});

describe.each(['sqlite', 'postgres'] as const)('PersistenceModule on %s', (kind) => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = createTestDatabase(kind);
    delete process.env.DATABASE_URL;
    delete process.env.DATABASE_SCHEMA;
    delete process.env.DATABASE_SQLITE_PATH;
    Object.assign(process.env, db.env);
    app = await createApp(PersistenceTestModule, {
      app: 'persistence-test',
      title: 'Persistence test',
      description: 'x',
    });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    for (const key of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATABASE_SQLITE_PATH']) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
    await db.cleanup();
  });

  it('boots, runs the migration and serves the table', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/cursors',
      headers: { 'x-api-key': 'ps_demo_planner_7b2e44' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { id: 'P100:inventory', plant: 'P100', domain: 'inventory', cursor: '2024-06-01T06:00:00Z' },
    ]);
  });

  it('reports the database in readiness', async () => {
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.json().checks).toContainEqual({ name: 'database', status: 'up' });
  });

  it('finds no drift for matching entities and migrations', async () => {
    const fresh = createTestDatabase(kind);
    try {
      const options = buildDataSourceOptions(
        { app: 'drift-check', entities: [SyncCursor], migrations: [CreateSyncCursor1718000000000] },
        fresh.env,
      );
      expect(await pendingSchemaChanges(options)).toEqual([]);
    } finally {
      await fresh.cleanup();
    }
  });

  it('detects drift when an entity has a column no migration creates', async () => {
    const fresh = createTestDatabase(kind);
    try {
      const options = buildDataSourceOptions(
        {
          app: 'drift-check',
          entities: [DriftedSyncCursor],
          migrations: [CreateSyncCursor1718000000000],
        },
        fresh.env,
      );
      const pending = await pendingSchemaChanges(options);
      expect(pending.join('\n')).toMatch(/lagSeconds/);
    } finally {
      await fresh.cleanup();
    }
  });
});
