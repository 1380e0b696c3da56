import { randomUUID } from 'node:crypto';
import { DEMO_KEYS } from '../support/demo-keys';
import { waitUntil } from './support/bounded-wait';
import { FAST_TAKEOVER, retryPolicies } from './support/fault-env';
import { FaultPlatform } from './support/fault-platform';
import { expectNoDoublePostings } from './support/ledger-proof';
import {
  expectReleasePostedOnce,
  RELEASABLE,
  requestRelease,
  waitReleaseEnded,
} from './support/release-flow';
import { expectSettled, waitForSaga } from './support/saga-polling';
import {
  expectTransferPostedOnce,
  receiveTransfer,
  requestTransfer,
  waitInTransit,
  waitTransferEnded,
} from './support/transfer-flow';

/**
 * Redis — queues, job locks, idempotency records — restarts while releases and transfers are in
 * flight. No process is restarted: workers and APIs reconnect on their own, an API answers 503 at
 * once while Redis is away (the client retries with the same key), and every accepted request
 * ends completed with each posting made once. Uses a redis-server of its own, never the shared one.
 */
jest.setTimeout(180_000);

const REDIS_DOWN_MS = 3000;
/** Slow WMS calls keep the releases (one reservation per component) in flight across the restart. */
const WMS_LATENCY_MS = 250;

let platform: FaultPlatform;

beforeAll(async () => {
  platform = await FaultPlatform.start({
    name: 'faults-redis-restart',
    redis: 'own',
    processEnv: {
      ...FAST_TAKEOVER,
      ...retryPolicies({ attempts: 20, baseDelayMs: 300, maxDelayMs: 2000 }),
    },
  });
});

afterAll(async () => {
  await platform?.close();
});

it('restarting Redis under load loses no accepted request and needs no process restart', async () => {
  const releases = await platform.startApp('order-release');
  const transfers = await platform.startApp('inventory-transfer');
  const processes = [releases.api, releases.worker, transfers.api, transfers.worker];
  const pids = processes.map((p) => p.pid);
  const releaseApi = platform.client(releases.api);
  const transferApi = platform.client(transfers.api);

  for (const plant of ['P100', 'P200', 'P300'])
    await platform.sandbox.setFault(plant, 'wms', { latencyMs: WMS_LATENCY_MS });
  const orders = Object.values(RELEASABLE).flat();
  const releaseIds: string[] = [];
  for (const order of orders) {
    const res = await requestRelease(releaseApi, order);
    expect(res.status).toBe(202);
    releaseIds.push(res.body.id);
  }
  const transferIds: string[] = [];
  for (const quantity of ['20', '15']) {
    const res = await requestTransfer(transferApi, quantity);
    expect(res.status).toBe(202);
    transferIds.push(res.body.id);
  }
  // Under load: the first release is reserving its components when Redis goes away.
  await waitForSaga(
    releaseApi,
    `/v1/order-releases/${releaseIds[0]}`,
    DEMO_KEYS.planner,
    'reserving',
    (r) => Boolean(r.steps?.some((s) => s.name === 'reserve-components' && s.status === 'running')),
    30_000,
  );

  await platform.redis!.stop();
  // While Redis is down an API refuses at once (503), it does not hang or accept what it cannot queue.
  const lateKey = randomUUID();
  const started = Date.now();
  const refused = await requestTransfer(transferApi, '10', lateKey);
  expect({ status: refused.status, fast: Date.now() - started < 5_000 }).toEqual({
    status: 503,
    fast: true,
  });
  expect(refused.headers.get('retry-after')).toBeTruthy();
  await new Promise((r) => setTimeout(r, REDIS_DOWN_MS));
  await platform.redis!.restart();
  await platform.sandbox.clearFaults();

  // The client retries the refused request with the same key once Redis is back.
  const late = await waitUntil(
    'the refused transfer to be accepted after the restart',
    async () => {
      const res = await requestTransfer(transferApi, '10', lateKey);
      return res.status === 202 ? res : undefined;
    },
    { timeoutMs: 20_000, intervalMs: 500 },
  );
  transferIds.push(late.body.id);

  const releasesDone = [];
  for (const id of releaseIds) releasesDone.push(await waitReleaseEnded(releaseApi, id, 90_000));
  const transfersDone = [];
  for (const id of transferIds) {
    const inTransit = await waitInTransit(transferApi, id, 60_000);
    expect(inTransit.status).toBe('in_transit');
    const shipped = (inTransit.quantities as { shipped: { value: string } }).shipped.value;
    expect((await receiveTransfer(transferApi, id, shipped)).status).toBe(201);
    transfersDone.push(await waitTransferEnded(transferApi, id, 60_000));
  }

  expectSettled([...releasesDone, ...transfersDone]);
  expect(releasesDone.map((r) => r.status)).toEqual(orders.map(() => 'completed'));
  expect(transfersDone.map((t) => t.status)).toEqual(transferIds.map(() => 'completed'));
  // Nobody restarted a process: the same pids did all of it.
  expect(processes.map((p) => p.running)).toEqual(processes.map(() => true));
  expect(processes.map((p) => p.pid)).toEqual(pids);

  const ledger = await expectNoDoublePostings(platform.sandbox);
  for (const release of releasesDone) expectReleasePostedOnce(ledger, release);
  for (const id of transferIds) expectTransferPostedOnce(ledger, id);
});
