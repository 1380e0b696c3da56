import { DEMO_KEYS } from '../support/demo-keys';
import { sleep, waitUntil } from './support/bounded-wait';
import { FAST_TAKEOVER, retryPolicies } from './support/fault-env';
import { FaultPlatform } from './support/fault-platform';
import { expectNoDoublePostings } from './support/ledger-proof';
import { expectReleasePostedOnce, requestRelease, waitReleaseEnded } from './support/release-flow';
import { expectSettled, waitForSaga } from './support/saga-polling';
import {
  expectTransferPostedOnce,
  receiveTransfer,
  requestTransfer,
  waitInTransit,
  waitTransferEnded,
} from './support/transfer-flow';

/**
 * A worker process dies with SIGKILL while a step is talking to a backend (no shutdown hook, the
 * job's lock orphaned, the backend call possibly applied after the worker is gone). A new worker
 * process takes the job over once its lock expires, re-runs the step with the same idempotency
 * keys, and the saga finishes — every posting in the sandbox ledger exactly once.
 */
jest.setTimeout(120_000);

/** Sandbox latency per backend call: long enough to kill a worker while a step is in flight. */
const LATENCY_MS = 1500;
/**
 * Latency of each WMS call while a release reserves its (13) components in one batch: long enough
 * to kill the worker while the batch is in flight, below the landscape's 2 s WMS timeout.
 */
const RESERVE_LATENCY_MS = 1500;

let platform: FaultPlatform;

beforeAll(async () => {
  platform = await FaultPlatform.start({
    name: 'faults-worker-crash',
    processEnv: {
      ...FAST_TAKEOVER,
      ...retryPolicies({ attempts: 10, baseDelayMs: 300, maxDelayMs: 2000 }),
    },
  });
});

afterAll(async () => {
  await platform?.close();
});

describe('a worker process killed in the middle of a step', () => {
  it('a release: the reservation batch in flight when the worker dies is applied once; the next worker gets the same reservations back', async () => {
    const { api, worker } = await platform.startApp('order-release');
    const request = platform.client(api);

    // Every WMS call of P100 is slow, so reserve-components' one batch call is still in flight
    // when the worker dies.
    await platform.sandbox.setFault('P100', 'wms', { latencyMs: RESERVE_LATENCY_MS });
    const accepted = await requestRelease(request, 'MO-P100-0003');
    expect(accepted.status).toBe(202);
    const id = accepted.body.id;
    await waitForSaga(
      request,
      `/v1/order-releases/${id}`,
      DEMO_KEYS.planner,
      'reserving components',
      (r) =>
        Boolean(r.steps?.some((s) => s.name === 'reserve-components' && s.status === 'running')),
      60_000,
    );
    await sleep(RESERVE_LATENCY_MS / 3);
    await worker.kill();
    // wms-api finishes the dead worker's call: the WMS reserves the whole batch for a worker that is gone.
    const reservedForTheDeadWorker = await waitUntil(
      'the in-flight reservation batch to land in the WMS',
      async () => (await platform.sandbox.ledger({ plant: 'P100', operation: 'reservation.create' })).length || false,
      { timeoutMs: 10_000 },
    );

    await platform.sandbox.clearFaults();
    const successor = await platform.startProcess('order-release', { role: 'worker' });
    await successor.waitForLog(/worker running/);

    const done = await waitReleaseEnded(request, id, 60_000);
    expect(done.status).toBe('completed');
    expectSettled([done]);
    expect(
      done.steps?.find((s) => s.name === 'reserve-components')?.attempts,
    ).toBeGreaterThanOrEqual(2);
    // All or none, and the re-run got the batch back by its key instead of reserving again.
    expect(reservedForTheDeadWorker).toBe(done.reservations.length);

    const ledger = await expectNoDoublePostings(platform.sandbox);
    expectReleasePostedOnce(ledger, done);
  });

  it('a transfer: the goods issue in flight when the worker dies is posted once by the next worker', async () => {
    const { api, worker } = await platform.startApp('inventory-transfer');
    const request = platform.client(api);

    const accepted = await requestTransfer(request, '30');
    expect(accepted.status).toBe(202);
    const id = accepted.body.id;
    expect((await waitInTransit(request, id, 30_000)).status).toBe('in_transit');

    // Past the point of no return: a crash here must neither double the goods issue nor turn
    // the transfer into an exception for a person.
    await platform.sandbox.setFault('P100', 'erp', { latencyMs: LATENCY_MS });
    expect((await receiveTransfer(request, id, '30')).status).toBe(201);
    await waitForSaga(
      request,
      `/v1/inventory-transfers/${id}`,
      DEMO_KEYS.planner,
      'goods issue running',
      (t) => Boolean(t.steps?.some((s) => s.name === 'post-goods-issue' && s.status === 'running')),
      30_000,
    );
    await sleep(LATENCY_MS / 2);
    await worker.kill();

    await platform.sandbox.clearFaults();
    const successor = await platform.startProcess('inventory-transfer', { role: 'worker' });
    await successor.waitForLog(/worker running/);

    const done = await waitTransferEnded(request, id, 60_000);
    expect(done.status).toBe('completed');
    expectSettled([done]);
    // The step ran again in the new process (the crashed try counts as one).
    expect(done.steps?.find((s) => s.name === 'post-goods-issue')?.attempts).toBeGreaterThanOrEqual(
      2,
    );

    const ledger = await expectNoDoublePostings(platform.sandbox);
    expectTransferPostedOnce(ledger, id);
  });
});
