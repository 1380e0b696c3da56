import type { Job, Worker } from 'bullmq';
import { BackendRejectedError, BackendUnavailableError } from '@plantsync/connectors';
import {
  CircuitOpenError,
  createQueueWorker,
  DeadLetter,
  DeadLetterService,
  DeadLetterStateError,
  errorReason,
  jobId,
  JobProducer,
  ProcessJobs,
  RetryPolicies,
  type OrderReleaseStepPayload,
} from '@plantsync/messaging';
import { messagingFixture, type MessagingFixture } from './messaging-fixture';

const QUEUE = ProcessJobs.ReserveComponents.queue;
const policy = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100, jitter: 0.5 };

async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(['sqlite', 'postgres'] as const)('jobs and dead letters on %s', (kind) => {
  let fx: MessagingFixture;
  let worker: Worker;
  let deadLetters: DeadLetterService;
  let producer: JobProducer;
  /** What the fake step does per production order: how many times it ran, and what it throws. */
  const behaviour = new Map<string, { runs: number; fail: (run: number) => Error | undefined }>();

  beforeAll(async () => {
    fx = await messagingFixture('jobs', kind, { [QUEUE]: policy });
    deadLetters = new DeadLetterService(fx.dataSource, fx.queues);
    producer = new JobProducer(fx.queues);
    worker = createQueueWorker({
      queue: QUEUE,
      settings: fx.settings,
      policy: new RetryPolicies({ [QUEUE]: policy }).for(QUEUE),
      connection: fx.workerConnection(),
      process: async (job: Job) => {
        const payload = job.data as OrderReleaseStepPayload;
        const b = behaviour.get(payload.productionOrder)!;
        b.runs++;
        const error = b.fail(b.runs);
        if (error) throw error;
      },
      onFinalFailure: async (job, error) =>
        deadLetters.record({
          queue: job.queueName,
          jobName: job.name,
          jobId: job.id!,
          payload: job.data,
          reason: errorReason(error),
          attempts: job.attemptsMade + 1,
          lastError: (error as Error).message,
        }),
    });
  });

  afterAll(async () => {
    await worker?.close();
    await fx?.cleanup([QUEUE]);
  });

  function enqueue(order: string) {
    const payload: OrderReleaseStepPayload = { plant: 'P100', productionOrder: order, sagaId: `saga-${order}`, correlationId: `corr-${order}` };
    return producer.enqueue(ProcessJobs.ReserveComponents, payload, { jobId: jobId(`P100/${order}`, 'reserve-components') });
  }

  const state = async (id: string) => (await fx.queues.queue(QUEUE).getJob(id))?.getState();
  const dlRepo = () => fx.dataSource.getRepository(DeadLetter);

  it('retries a transient error with backoff, then succeeds', async () => {
    behaviour.set('PO-6001', { runs: 0, fail: (n) => (n < 3 ? new BackendUnavailableError('Odoo at P100 is restarting') : undefined) });
    await enqueue('PO-6001');
    await until(async () => (await state('P100/PO-6001-reserve-components')) === 'completed');
    expect(behaviour.get('PO-6001')!.runs).toBe(3);
    expect(await dlRepo().countBy({ businessKey: 'P100/PO-6001' })).toBe(0);
  });

  it('defers a job refused by an open circuit without spending its attempts: more refusals than attempts, no dead letter', async () => {
    // Three attempts allowed; the circuit refuses three times before the call goes through.
    behaviour.set('PO-6005', {
      runs: 0,
      fail: (n) => (n <= 3 ? new CircuitOpenError({ plant: 'P100', system: 'wms' }, 1) : undefined),
    });
    await enqueue('PO-6005');
    await until(async () => (await state('P100/PO-6005-reserve-components')) === 'completed', 30_000);
    expect(behaviour.get('PO-6005')!.runs).toBe(4);
    expect(await dlRepo().countBy({ businessKey: 'P100/PO-6005' })).toBe(0);
  });

  it('enqueuing the same step twice runs it once (deterministic job id)', async () => {
    behaviour.set('PO-6002', { runs: 0, fail: () => undefined });
    await enqueue('PO-6002');
    await enqueue('PO-6002');
    await until(async () => (await state('P100/PO-6002-reserve-components')) === 'completed');
    await new Promise((r) => setTimeout(r, 100));
    expect(behaviour.get('PO-6002')!.runs).toBe(1);
  });

  it('sends a permanent error straight to a dead letter; a replay runs once and keeps the correlation id', async () => {
    let broken = true;
    behaviour.set('PO-6003', { runs: 0, fail: () => (broken ? new BackendRejectedError('PO-6003 is closed in Odoo') : undefined) });
    await enqueue('PO-6003');
    const dl = await until(() => dlRepo().findOneBy({ businessKey: 'P100/PO-6003' }));
    expect(behaviour.get('PO-6003')!.runs).toBe(1); // not retried
    expect(dl).toMatchObject({
      queue: 'order-release',
      jobName: 'reserve-components',
      jobId: 'P100/PO-6003-reserve-components',
      reason: 'backend-rejected',
      attempts: 1,
      correlationId: 'corr-PO-6003',
      status: 'open',
    });
    expect(dl.lastError).toContain('PO-6003 is closed');
    await until(async () => (await state('P100/PO-6003-reserve-components')) === 'failed');

    broken = false; // someone fixed the order in Odoo
    const [first, second] = await Promise.allSettled([deadLetters.replay(dl.id), deadLetters.replay(dl.id)]);
    const replays = [first, second].filter((r) => r.status === 'fulfilled');
    expect(replays).toHaveLength(1);
    expect([first, second].find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(DeadLetterStateError) });
    const replayId = 'P100/PO-6003-reserve-components-replay-1';
    await until(async () => (await state(replayId)) === 'completed');
    expect(behaviour.get('PO-6003')!.runs).toBe(2);
    const job = await fx.queues.queue(QUEUE).getJob(replayId);
    expect(job?.data).toEqual({ plant: 'P100', productionOrder: 'PO-6003', sagaId: 'saga-PO-6003', correlationId: 'corr-PO-6003' });
    expect(await deadLetters.get(dl.id)).toMatchObject({ status: 'replayed', replayCount: 1 });
  });

  it('dead-letters a transient error once the attempts are used up, and discard records the reason', async () => {
    behaviour.set('PO-6004', { runs: 0, fail: () => new BackendUnavailableError('WMS at P200 is down') });
    await enqueue('PO-6004');
    const dl = await until(() => dlRepo().findOneBy({ businessKey: 'P100/PO-6004' }));
    expect(behaviour.get('PO-6004')!.runs).toBe(3);
    expect(dl).toMatchObject({ reason: 'backend-unavailable', attempts: 3 });

    const discarded = await deadLetters.discard(dl.id, 'order cancelled by planner; reservation done by hand');
    expect(discarded).toMatchObject({ status: 'discarded', discardReason: 'order cancelled by planner; reservation done by hand' });
    await expect(deadLetters.replay(dl.id)).rejects.toThrow(DeadLetterStateError);
  });

  it('lists with filters and a cursor, and replays many by filter', async () => {
    for (const order of ['PO-7001', 'PO-7002', 'PO-7003'])
      await deadLetters.record({
        queue: QUEUE,
        jobName: 'reserve-components',
        jobId: `P300/${order}-reserve-components`,
        payload: { plant: 'P300', productionOrder: order, sagaId: `saga-${order}`, correlationId: `corr-${order}` },
        reason: 'invalid-for-backend',
        attempts: 1,
        lastError: 'unit BOX unknown',
      });
    // Recording the same job again is ignored.
    await deadLetters.record({ queue: QUEUE, jobName: 'reserve-components', jobId: 'P300/PO-7001-reserve-components', payload: {}, reason: 'x', attempts: 1, lastError: 'x' });

    const page1 = await deadLetters.list({ reason: 'invalid-for-backend' }, { limit: 2 });
    expect(page1.items).toHaveLength(2);
    const page2 = await deadLetters.list({ reason: 'invalid-for-backend' }, { limit: 2, cursor: page1.nextCursor! });
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((d) => d.businessKey))).toEqual(new Set(['P300/PO-7001', 'P300/PO-7002', 'P300/PO-7003']));
    expect((await deadLetters.list({ businessKey: 'P300/PO-7002' })).items).toHaveLength(1);

    for (const order of ['PO-7001', 'PO-7002', 'PO-7003']) behaviour.set(order, { runs: 0, fail: () => undefined });
    const result = await deadLetters.replayMany({ reason: 'invalid-for-backend' });
    expect(result.replayed).toHaveLength(3);
    await until(async () => (await state('P300/PO-7003-reserve-components-replay-1')) === 'completed');
    expect((await deadLetters.list({ reason: 'invalid-for-backend', status: 'open' })).items).toHaveLength(0);
  });
});
