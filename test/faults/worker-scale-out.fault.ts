import { FAST_TAKEOVER } from './support/fault-env';
import { FaultPlatform } from './support/fault-platform';
import { expectNoDoublePostings } from './support/ledger-proof';
import { queueJobs } from './support/queue-inspection';
import {
  expectReleasePostedOnce,
  RELEASABLE,
  requestRelease,
  waitReleaseEnded,
} from './support/release-flow';
import { expectSettled } from './support/saga-polling';

/**
 * Workers scale by adding processes on the same queues. Two worker processes (one job at a time
 * each, on PostgreSQL as in production) share five releases: both do work — BullMQ records which
 * process ran each job — and no step is done twice.
 */
jest.setTimeout(120_000);

let platform: FaultPlatform;

beforeAll(async () => {
  platform = await FaultPlatform.start({
    name: 'faults-scale-out',
    database: 'postgres',
    processEnv: { ...FAST_TAKEOVER, ORDER_RELEASE_WORKER_CONCURRENCY: '1' },
  });
});

afterAll(async () => {
  await platform?.close();
});

it('two worker processes on the same queue share the releases, each step done once', async () => {
  const { api, worker } = await platform.startApp('order-release');
  const second = await platform.startProcess('order-release', { role: 'worker' });
  await second.waitForLog(/worker running/);
  const request = platform.client(api);

  // Slow WMS calls keep each worker busy for a while, so the other one takes the next job.
  for (const plant of ['P100', 'P200', 'P300'])
    await platform.sandbox.setFault(plant, 'wms', { latencyMs: 50 });
  const orders = Object.values(RELEASABLE).flat();
  const accepted = await Promise.all(orders.map((order) => requestRelease(request, order)));
  expect(accepted.map((a) => a.status)).toEqual(orders.map(() => 202));
  const done = [];
  for (const a of accepted) done.push(await waitReleaseEnded(request, a.body.id, 60_000));
  expectSettled(done);
  expect(done.map((r) => r.status)).toEqual(orders.map(() => 'completed'));

  // Both processes ran jobs (BullMQ's processedBy is `<app>@<host>:<pid>`).
  const jobs = (await queueJobs(platform.redisUrl, platform.redisPrefix, 'order-release')).filter(
    (j) => j.state === 'completed',
  );
  const byPid = new Map<number, number>();
  for (const job of jobs) {
    const pid = Number(job.processedBy?.split(':').pop());
    byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
  }
  expect([...byPid.keys()].sort()).toEqual([worker.pid, second.pid].sort());
  expect(Math.min(...byPid.values())).toBeGreaterThan(0);

  // No step ran twice: one try each, and each posting once in the ledger.
  for (const release of done)
    expect({
      order: release.productionOrder,
      retried: release.steps?.filter((s) => (s.attempts ?? 0) > 1).map((s) => s.name),
    }).toEqual({
      order: release.productionOrder,
      retried: [],
    });
  const ledger = await expectNoDoublePostings(platform.sandbox);
  for (const release of done) expectReleasePostedOnce(ledger, release);
});
