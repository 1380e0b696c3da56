import path from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildDataSourceOptions, pendingSchemaChanges, PersistenceModule } from '@plantsync/persistence';
import {
  DeadLetter,
  DeadLettersModule,
  DeadLetterService,
  HandlesJob,
  jobId,
  JobHandler,
  JobProducer,
  MessagingModule,
  messagingEntities,
  messagingMigrations,
  ProcessJobs,
  ProcessQueue,
  QueueRegistry,
  type JobRun,
  type OrderReleaseStepPayload,
} from '@plantsync/messaging';
import { BackendRejectedError } from '@plantsync/connectors';
import { createApp, PlatformModule } from '@plantsync/platform';
import { createTestDatabase, redisTestPrefix, type TestDatabase } from '@plantsync/testing';
import { DataSource } from 'typeorm';

const ADMIN = { 'x-api-key': 'ps_demo_admin_3f9c1a' };
const PLANNER = { 'x-api-key': 'ps_demo_planner_7b2e44' };
const releaseJobs = [ProcessJobs.ReserveComponents, ProcessJobs.ReleaseInErp];
const runs: string[] = [];

@Injectable()
@HandlesJob(ProcessJobs.ReserveComponents)
class ReserveComponentsHandler extends JobHandler<OrderReleaseStepPayload> {
  async handle(payload: OrderReleaseStepPayload, run: JobRun): Promise<void> {
    runs.push(`${payload.productionOrder}#${run.attempt}`);
    if (payload.productionOrder === 'PO-8001' && runs.filter((r) => r.startsWith('PO-8001')).length === 1)
      throw new BackendRejectedError('BRKT-1042 is blocked for P100 Detroit');
  }
}

@Injectable()
@HandlesJob(ProcessJobs.ReleaseInErp)
class ReleaseInErpHandler extends JobHandler<OrderReleaseStepPayload> {
  async handle(): Promise<void> {}
}

function appModule(handlers: (new (...a: never[]) => unknown)[]) {
  @Module({
    imports: [
      PlatformModule.forRoot({ app: 'messaging-test' }),
      PersistenceModule.forRoot({ app: 'messaging-test', entities: messagingEntities, migrations: messagingMigrations }),
      MessagingModule.forRoot({
        app: 'messaging-test',
        retryPolicies: { [ProcessQueue.OrderRelease]: { attempts: 2, baseDelayMs: 10 } },
        workers: { queues: [ProcessQueue.OrderRelease], catalogue: releaseJobs },
      }),
      DeadLettersModule,
    ],
    providers: handlers,
  })
  class MessagingTestModule {}
  return MessagingTestModule;
}

const redis = redisTestPrefix('messaging-app');
const savedEnv = { ...process.env };
let db: TestDatabase;

beforeAll(() => {
  db = createTestDatabase('sqlite');
  Object.assign(process.env, redis.env, db.env, {
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: path.join(__dirname, '../../../config/api-keys.demo.yaml'),
  });
});

afterAll(async () => {
  process.env = savedEnv;
  await db.cleanup();
  await redis.cleanup();
});

const boot = (handlers: (new (...a: never[]) => unknown)[]) =>
  createApp(appModule(handlers), { app: 'messaging-test', title: 'Messaging test', description: 'x' });

describe('the job catalogue at boot', () => {
  it('fails naming a job without a handler', async () => {
    const app = await boot([ReserveComponentsHandler]);
    await expect(app.init()).rejects.toThrow('job order-release/release-in-erp has no handler');
    await app.close().catch(() => undefined);
  });

  it('fails naming a job with two handlers', async () => {
    @Injectable()
    @HandlesJob(ProcessJobs.ReserveComponents)
    class SecondReserveHandler extends ReserveComponentsHandler {}
    const app = await boot([ReserveComponentsHandler, SecondReserveHandler, ReleaseInErpHandler]);
    await expect(app.init()).rejects.toThrow(/job order-release\/reserve-components has 2 handlers: ReserveComponentsHandler, SecondReserveHandler/);
    await app.close().catch(() => undefined);
  });
});

describe('an app with workers and the dead-letter API', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await boot([ReserveComponentsHandler, ReleaseInErpHandler]);
    await app.init();
  });

  afterAll(async () => {
    await app.get(QueueRegistry).queue(ProcessQueue.OrderRelease).obliterate({ force: true });
    await app.close();
  });

  it('dead-letters a permanent failure, lists it, replays it once over HTTP and keeps the correlation id', async () => {
    const payload: OrderReleaseStepPayload = { plant: 'P100', productionOrder: 'PO-8001', sagaId: 'saga-8001', correlationId: 'corr-PO-8001' };
    await app.get(JobProducer).enqueue(ProcessJobs.ReserveComponents, payload, { jobId: jobId('P100/PO-8001', 'reserve-components') });
    const repo = app.get(DataSource).getRepository(DeadLetter);
    let dl: DeadLetter | null = null;
    for (let i = 0; i < 200 && !dl; i++) {
      await new Promise((r) => setTimeout(r, 25));
      dl = await repo.findOneBy({ businessKey: 'P100/PO-8001' });
    }
    expect(dl).toMatchObject({ reason: 'backend-rejected', attempts: 1 });

    expect((await app.inject({ method: 'GET', url: '/v1/dead-letters', headers: PLANNER })).statusCode).toBe(403);
    const list = await app.inject({ method: 'GET', url: '/v1/dead-letters?reason=backend-rejected&status=open', headers: ADMIN });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: dl!.id, businessKey: 'P100/PO-8001', payload })]);

    const replay = await app.inject({ method: 'POST', url: `/v1/dead-letters/${dl!.id}/replay`, headers: ADMIN });
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toEqual({ jobId: 'P100/PO-8001-reserve-components-replay-1' });
    const again = await app.inject({ method: 'POST', url: `/v1/dead-letters/${dl!.id}/replay`, headers: ADMIN });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');

    for (let i = 0; i < 200 && runs.filter((r) => r.startsWith('PO-8001')).length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(runs.filter((r) => r.startsWith('PO-8001'))).toEqual(['PO-8001#1', 'PO-8001#1']);
    const job = await app.get(QueueRegistry).queue(ProcessQueue.OrderRelease).getJob('P100/PO-8001-reserve-components-replay-1');
    expect(job?.data.correlationId).toBe('corr-PO-8001');
  });

  it('discards with a reason, and 404s an unknown id', async () => {
    const service = app.get(DeadLetterService);
    await service.record({
      queue: ProcessQueue.OrderRelease,
      jobName: 'release-in-erp',
      jobId: 'P200/PO-9100-release-in-erp',
      payload: { plant: 'P200', productionOrder: 'PO-9100', sagaId: 's', correlationId: 'corr-PO-9100' },
      reason: 'backend-rejected',
      attempts: 1,
      lastError: 'order closed',
    });
    const [dl] = (await service.list({ businessKey: 'P200/PO-9100' })).items;
    const res = await app.inject({
      method: 'POST',
      url: `/v1/dead-letters/${dl!.id}/discard`,
      headers: ADMIN,
      payload: { reason: 'PO-9100 cancelled in Odoo by the P200 planner' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'discarded', discardReason: 'PO-9100 cancelled in Odoo by the P200 planner (by demo-admin)' });
    const missing = await app.inject({ method: 'GET', url: '/v1/dead-letters/7c1e0a54-3c2b-4b5e-9f0a-1d2c3b4a5f6e', headers: ADMIN });
    expect(missing.statusCode).toBe(404);
  });
});

describe('messaging migrations', () => {
  it.each(['sqlite', 'postgres'] as const)('match the entities on %s (no drift)', async (kind) => {
    const fresh = createTestDatabase(kind);
    try {
      const options = buildDataSourceOptions({ app: 'messaging-drift', entities: messagingEntities, migrations: messagingMigrations }, fresh.env);
      expect(await pendingSchemaChanges(options)).toEqual([]);
    } finally {
      await fresh.cleanup();
    }
  });
});
