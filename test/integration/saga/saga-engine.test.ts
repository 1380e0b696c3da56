import path from 'node:path';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DeadLetter,
  EventTypes,
  MessagingModule,
  messagingEntities,
  messagingMigrations,
  OutboxEvent,
  QueueRegistry,
} from '@plantsync/messaging';
import { buildDataSourceOptions, pendingSchemaChanges, PersistenceModule } from '@plantsync/persistence';
import { createApp, PlatformModule } from '@plantsync/platform';
import {
  SagaModule,
  SagaRunner,
  SagaStateError,
  SagaAlreadyActiveError,
  sagaEntities,
  sagaJobDefinitions,
  sagaJobIds,
  sagaMigrations,
  type SagaDefinition,
  type SagaStatus,
  type SagaView,
} from '@plantsync/saga';
import { createTestDatabase, redisTestPrefix, type TestDatabase } from '@plantsync/testing';
import { DataSource } from 'typeorm';
import { CHANGEOVER_QUEUE, changeoverSaga, FakeBackend, type ChangeoverContext } from './tool-changeover.saga';

jest.setTimeout(60_000);

const backend = new FakeBackend();
const definition = changeoverSaga(backend);

function rootModule(def: SagaDefinition<ChangeoverContext>, concurrency = 5) {
  @Module({
    imports: [
      PlatformModule.forRoot({ app: 'saga-test' }),
      PersistenceModule.forRoot({
        app: 'saga-test',
        entities: [...sagaEntities, ...messagingEntities],
        migrations: [...sagaMigrations, ...messagingMigrations],
      }),
      MessagingModule.forRoot({
        app: 'saga-test',
        retryPolicies: { [CHANGEOVER_QUEUE]: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 } },
        workers: { queues: [CHANGEOVER_QUEUE], catalogue: sagaJobDefinitions(def), concurrency },
      }),
      SagaModule.register(def, { worker: true, recovery: false }),
    ],
  })
  class SagaTestModule {}
  return SagaTestModule;
}

async function boot(): Promise<NestFastifyApplication> {
  const app = await createApp(rootModule(definition), { app: 'saga-test', title: 'Saga test', description: 'saga engine test app' });
  await app.init();
  return app;
}

async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(value, null, 1).slice(0, 3000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const settled = (runner: SagaRunner<ChangeoverContext>, id: string, statuses: SagaStatus[]) =>
  until(
    () => runner.get(id),
    (s: SagaView<ChangeoverContext>) => statuses.includes(s.status),
  );

const order = (n: string, extra: Partial<ChangeoverContext> = {}) => ({
  businessKey: `P100/MO-P100-${n}`,
  context: { plant: 'P100', productionOrder: `MO-P100-${n}`, ...extra },
});

const savedEnv = { ...process.env };
afterAll(() => {
  process.env = savedEnv;
});

describe.each(['sqlite', 'postgres'] as const)('the saga engine on %s', (kind) => {
  const redis = redisTestPrefix(`saga-engine-${kind}`);
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let runner: SagaRunner<ChangeoverContext>;
  // Order numbers unique per database kind, so the shared fake backend keeps them apart.
  const no = (n: number) => `${kind === 'sqlite' ? 1 : 2}${String(n).padStart(3, '0')}`;

  beforeAll(async () => {
    db = createTestDatabase(kind);
    process.env = {
      ...savedEnv,
      ...redis.env,
      ...db.env,
      LOG_LEVEL: 'silent',
      PLANTSYNC_API_KEYS_FILE: path.join(__dirname, '../../../config/api-keys.demo.yaml'),
    };
    app = await boot();
    runner = app.get(SagaRunner);
  });

  afterAll(async () => {
    await app.get(QueueRegistry).queue(CHANGEOVER_QUEUE).obliterate({ force: true });
    await app.close();
    await db.cleanup();
    await redis.cleanup();
  });

  const outbox = (subject: string) =>
    app.get(DataSource).getRepository(OutboxEvent).find({ where: { subject }, order: { createdAt: 'ASC' } });

  it('runs every step once in order, commits events with the steps and completes', async () => {
    const start = order(no(1));
    const started = await runner.start({
      ...start,
      events: ({ tools }) => [
        tools.event(EventTypes.ProductionOrderReleaseRequested, { plant: 'P100', productionOrder: start.context.productionOrder, requestedBy: 'planner' }),
      ],
    });
    expect(started.status).toBe('running');
    expect(started.steps.map((s) => s.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    const done = await settled(runner, started.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.currentStep).toBeNull();
    expect(done.steps.map((s) => [s.name, s.status, s.attempts])).toEqual([
      ['reserve-material', 'done', 1],
      ['book-press', 'done', 1],
      ['await-planner', 'skipped', 1],
      ['notify-shop-floor', 'done', 1],
    ]);
    for (const s of done.steps) expect(s.finishedAt!.getTime()).toBeGreaterThanOrEqual(s.startedAt!.getTime());
    expect(done.context.pressBooking).toBe(`BK-${started.id}-book-press`);
    expect(done.compensations.map((c) => [c.action, c.status])).toEqual([
      ['cancel-material', 'pending'],
      ['cancel-press', 'pending'],
    ]);
    expect(backend.postingsOf(start.businessKey)).toEqual(['reserve-material', 'book-press', 'notify-shop-floor']);
    expect((await outbox(start.businessKey)).map((e) => e.type)).toEqual([
      EventTypes.ProductionOrderReleaseRequested,
      EventTypes.ProductionOrderReleased,
    ]);
    // The business key is free again.
    const again = await runner.start(order(no(1)));
    await settled(runner, again.id, ['completed']);
  });

  it('allows one active saga per business key', async () => {
    const start = order(no(2), { approvalWithinMs: 60_000 });
    const first = await runner.start(start);
    const error = await runner.start(start).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SagaAlreadyActiveError);
    expect((error as SagaAlreadyActiveError).activeSagaId).toBe(first.id);
    await settled(runner, first.id, ['awaiting_approval']);
    await runner.cancel(first.id, 'test over');
  });

  it('retries a transient failure and then completes, posting once', async () => {
    const start = order(no(3), { transientAt: { step: 'book-press', times: 2 } });
    const { id } = await runner.start(start);
    const done = await settled(runner, id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.steps.find((s) => s.name === 'book-press')).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(backend.callsOf('book-press', start.businessKey)).toBe(3);
    expect(backend.postingsOf(start.businessKey)).toEqual(['reserve-material', 'book-press', 'notify-shop-floor']);
  });

  it('on a permanent failure runs the registered compensations in reverse, exactly once, and fails with the reason', async () => {
    const start = order(no(4), { failAt: 'notify-shop-floor' });
    const { id } = await runner.start(start);
    const failed = await settled(runner, id, ['failed', 'completed']);
    expect(failed).toMatchObject({
      status: 'failed',
      failedStep: 'notify-shop-floor',
      failureCode: 'press-not-qualified',
      failureReason: `press PR-12 is not qualified for MO-P100-${no(4)}`,
    });
    expect(failed.steps.map((s) => s.status)).toEqual(['compensated', 'compensated', 'skipped', 'failed']);
    expect(failed.compensations.map((c) => [c.seq, c.action, c.status])).toEqual([
      [1, 'cancel-material', 'done'],
      [2, 'cancel-press', 'done'],
    ]);
    expect(failed.compensations[1]!.doneAt!.getTime()).toBeLessThanOrEqual(failed.compensations[0]!.doneAt!.getTime());
    expect(backend.postingsOf(start.businessKey)).toEqual([
      'reserve-material',
      'book-press',
      'notify-shop-floor',
      'cancel-press',
      'cancel-material',
    ]);
    expect(backend.callsOf('cancel-press', start.businessKey)).toBe(1);
    expect(backend.callsOf('cancel-material', start.businessKey)).toBe(1);
    const events = await outbox(start.businessKey);
    expect(events.map((e) => e.type)).toEqual([EventTypes.ReservationCancelled, EventTypes.ProductionOrderReleaseFailed]);
    expect(JSON.parse(events[1]!.payload).data).toMatchObject({ step: 'notify-shop-floor', code: 'press-not-qualified' });
    // No dead letter for a business failure: the saga holds the reason.
    expect(await app.get(DataSource).getRepository(DeadLetter).countBy({ businessKey: start.businessKey })).toBe(0);
  });

  it('compensates what a step checkpointed before it failed half way', async () => {
    const start = order(no(14), { failAt: 'book-press' });
    const { id } = await runner.start(start);
    const failed = await settled(runner, id, ['failed', 'completed']);
    expect(failed).toMatchObject({ status: 'failed', failedStep: 'book-press' });
    expect(failed.steps.find((s) => s.name === 'book-press')).toMatchObject({ status: 'compensated', output: { booking: `BK-${id}-book-press` } });
    expect(backend.cancelledBookings).toContain(`BK-${id}-book-press`);
    expect(backend.postingsOf(start.businessKey)).toEqual(['reserve-material', 'book-press', 'cancel-press', 'cancel-material']);
  });

  it('treats exhausted retries like a permanent failure and leaves a dead letter', async () => {
    const start = order(no(5), { alwaysDownAt: 'book-press' });
    const { id } = await runner.start(start);
    const failed = await settled(runner, id, ['failed', 'completed']);
    expect(failed).toMatchObject({ status: 'failed', failedStep: 'book-press', failureCode: 'backend-unavailable' });
    expect(failed.steps.find((s) => s.name === 'book-press')).toMatchObject({ status: 'compensated', attempts: 3 });
    expect(backend.postingsOf(start.businessKey)).toEqual(['reserve-material', 'book-press', 'cancel-press', 'cancel-material']);
    const dl = await until(
      () => app.get(DataSource).getRepository(DeadLetter).findOneBy({ businessKey: start.businessKey }),
      (d) => d !== null,
    );
    expect(dl).toMatchObject({ jobName: 'book-press', attempts: 3, reason: 'backend-unavailable' });
  });

  it('waits for approval and continues with the next step when approved', async () => {
    const start = order(no(6), { approvalWithinMs: 60_000 });
    const { id } = await runner.start(start);
    const waiting = await settled(runner, id, ['awaiting_approval']);
    expect(waiting.deadlineAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(waiting.steps.find((s) => s.name === 'await-planner')).toMatchObject({ status: 'running', output: { overCapacity: '2.5 h' } });
    const expireJob = await app.get(QueueRegistry).queue(CHANGEOVER_QUEUE).getJobState(sagaJobIds.expire(id));
    expect(expireJob).toBe('delayed');
    await runner.approve(id, 'planner-p100');
    const done = await settled(runner, id, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', decidedBy: 'planner-p100', deadlineAt: null });
    expect(done.steps.find((s) => s.name === 'await-planner')).toMatchObject({ status: 'done', output: { approvedBy: 'planner-p100' } });
    expect(await app.get(QueueRegistry).queue(CHANGEOVER_QUEUE).getJobState(sagaJobIds.expire(id))).toBe('unknown');
    await expect(runner.approve(id, 'planner-p100')).rejects.toBeInstanceOf(SagaStateError);
  });

  it('rejects: compensates and fails naming the planner', async () => {
    const start = order(no(7), { approvalWithinMs: 60_000 });
    const { id } = await runner.start(start);
    await settled(runner, id, ['awaiting_approval']);
    await runner.reject(id, 'planner-p100', 'customer moved the date');
    const failed = await settled(runner, id, ['failed']);
    expect(failed.failureReason).toBe('rejected by planner planner-p100: customer moved the date');
    expect(backend.postingsOf(start.businessKey)).toEqual(['reserve-material', 'book-press', 'cancel-press', 'cancel-material']);
  });

  it('expires when nobody answers by the deadline, and compensates', async () => {
    const start = order(no(8), { approvalWithinMs: 300 });
    const { id } = await runner.start(start);
    const expired = await settled(runner, id, ['expired', 'completed', 'failed']);
    expect(expired).toMatchObject({ status: 'expired', failureCode: 'approval-expired', failedStep: 'await-planner' });
    expect(expired.steps.find((s) => s.name === 'await-planner')!.status).toBe('failed');
    expect(backend.postingsOf(start.businessKey)).toEqual(['reserve-material', 'book-press', 'cancel-press', 'cancel-material']);
    await expect(runner.approve(id, 'planner-p100')).rejects.toBeInstanceOf(SagaStateError);
  });

  it('cancels a saga in flight before its next step, compensating what was done', async () => {
    const gate = `gate-${kind}`;
    const start = order(no(9), { gate });
    const { id } = await runner.start(start);
    await until(
      () => runner.get(id),
      (s) => s.steps.find((x) => x.name === 'book-press')!.status === 'running',
    );
    const requested = await runner.cancel(id, 'order moved to P300');
    expect(requested.cancelRequestedAt).not.toBeNull();
    await expect(runner.cancel(id, 'twice')).rejects.toBeInstanceOf(SagaStateError);
    backend.gate(gate).open();
    const cancelled = await settled(runner, id, ['cancelled', 'completed', 'failed']);
    expect(cancelled).toMatchObject({ status: 'cancelled', failureReason: 'cancelled: order moved to P300' });
    expect(backend.postingsOf(start.businessKey)).toEqual(['reserve-material', 'book-press', 'cancel-press', 'cancel-material']);
    await expect(runner.cancel(id, 'again')).rejects.toBeInstanceOf(SagaStateError);
  });

  it('refuses to cancel a completed saga', async () => {
    const { id } = await runner.start(order(no(10)));
    await settled(runner, id, ['completed']);
    const error = await runner.cancel(id, 'too late').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SagaStateError);
    expect((error as SagaStateError).classification).toBe('conflict');
  });

  it('makes a re-run of a completed step job a no-op', async () => {
    const start = order(no(11));
    const { id, correlationId } = await runner.start(start);
    await settled(runner, id, ['completed']);
    const before = backend.callsOf('book-press', start.businessKey);
    // A stalled job's twin, a dead-letter replay: same step, another job id.
    const payload = { sagaId: id, correlationId, plant: 'P100', productionOrder: start.context.productionOrder };
    await app.get(QueueRegistry).add(CHANGEOVER_QUEUE, 'book-press', payload, { jobId: `${sagaJobIds.step(id, 'book-press')}-replay-1` });
    await runner.runStep(payload, { id: 'direct', queue: CHANGEOVER_QUEUE, name: 'book-press', attempt: 1 });
    await until(
      () => app.get(QueueRegistry).queue(CHANGEOVER_QUEUE).getJobState(`${sagaJobIds.step(id, 'book-press')}-replay-1`),
      (s) => s === 'completed',
    );
    expect(backend.callsOf('book-press', start.businessKey)).toBe(before);
    expect((await runner.get(id)).steps.find((s) => s.name === 'book-press')!.attempts).toBe(1);
  });

  it('re-enqueues a saga whose next job was lost (crash between commit and enqueue)', async () => {
    // Simulate the lost job: put a finished saga back at its last step, pending, with no job to run it.
    const restarted = await runner.start(order(no(13)));
    await settled(runner, restarted.id, ['completed']);
    await app
      .get(DataSource)
      .query(
        kind === 'postgres'
          ? `UPDATE saga_instance SET status = 'running', "currentStep" = 'notify-shop-floor', "activeKey" = "businessKey", "updatedAt" = NOW() - INTERVAL '1 hour' WHERE id = $1`
          : `UPDATE saga_instance SET status = 'running', currentStep = 'notify-shop-floor', activeKey = businessKey, updatedAt = '2020-01-01 00:00:00.000' WHERE id = ?`,
        [restarted.id],
      );
    await app.get(DataSource).query(
      kind === 'postgres'
        ? `UPDATE saga_step SET status = 'pending' WHERE "sagaId" = $1 AND name = 'notify-shop-floor'`
        : `UPDATE saga_step SET status = 'pending' WHERE sagaId = ? AND name = 'notify-shop-floor'`,
      [restarted.id],
    );
    expect(await runner.recover(1000)).toBe(1);
    const done = await settled(runner, restarted.id, ['completed']);
    expect(done.steps.find((s) => s.name === 'notify-shop-floor')!.status).toBe('done');
    expect(await runner.recover(1000)).toBe(0);
  });
});

describe('two workers on the same queue (PostgreSQL)', () => {
  const redis = redisTestPrefix('saga-engine-two-workers');
  let db: TestDatabase;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    db = createTestDatabase('postgres');
    process.env = {
      ...savedEnv,
      ...redis.env,
      ...db.env,
      LOG_LEVEL: 'silent',
      PLANTSYNC_API_KEYS_FILE: path.join(__dirname, '../../../config/api-keys.demo.yaml'),
    };
    apps.push(await boot());
    apps.push(await boot());
  });

  afterAll(async () => {
    await apps[0]!.get(QueueRegistry).queue(CHANGEOVER_QUEUE).obliterate({ force: true });
    for (const app of apps) await app.close();
    await db.cleanup();
    await redis.cleanup();
  });

  it('share the sagas and never run a step twice', async () => {
    const [a, b] = apps.map((app) => app.get<SagaRunner<ChangeoverContext>>(SagaRunner));
    const starts = Array.from({ length: 24 }, (_, i) => order(`3${String(i).padStart(3, '0')}`, i % 4 === 0 ? { failAt: 'notify-shop-floor' } : {}));
    const ids = await Promise.all(starts.map((s, i) => (i % 2 ? a! : b!).start(s).then((v) => v.id)));
    const final = await Promise.all(ids.map((id) => settled(a!, id, ['completed', 'failed'])));
    expect(final.filter((s) => s.status === 'completed')).toHaveLength(18);
    expect(final.filter((s) => s.status === 'failed')).toHaveLength(6);
    for (const [i, s] of starts.entries()) {
      for (const op of ['reserve-material', 'book-press', 'notify-shop-floor']) expect(backend.callsOf(op, s.businessKey)).toBe(1);
      const compensated = i % 4 === 0 ? 1 : 0;
      expect(backend.callsOf('cancel-press', s.businessKey)).toBe(compensated);
      expect(backend.callsOf('cancel-material', s.businessKey)).toBe(compensated);
    }
  });
});

describe('saga migrations', () => {
  it.each(['sqlite', 'postgres'] as const)('match the entities on %s (no drift)', async (kind) => {
    const fresh = createTestDatabase(kind);
    try {
      const options = buildDataSourceOptions({ app: 'saga-drift', entities: sagaEntities, migrations: sagaMigrations }, fresh.env);
      expect(await pendingSchemaChanges(options)).toEqual([]);
    } finally {
      await fresh.cleanup();
    }
  });
});
