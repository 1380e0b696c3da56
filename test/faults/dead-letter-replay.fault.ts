import { randomUUID } from 'node:crypto';
import { DEMO_KEYS } from '../support/demo-keys';
import { waitUntil } from './support/bounded-wait';
import { FAST_TAKEOVER, retryPolicies } from './support/fault-env';
import { FaultPlatform } from './support/fault-platform';
import { countsByOperation, expectNoDoublePostings, postingsOfSaga } from './support/ledger-proof';
import { queueJobs } from './support/queue-inspection';
import { requestRelease, waitReleaseEnded, type ReleaseState } from './support/release-flow';
import { expectSettled, waitForSaga } from './support/saga-polling';

/**
 * Jobs that keep failing become dead letters after their last retry. Here P100's MES stays down,
 * so dispatching the work order fails for good and the release compensates — and P100's WMS is down
 * too, so cancelling the reservations fails for good as well: the release stays `compensating`,
 * with its reservations still held, until an operator acts. They fix the cause (the backends are
 * back) and replay the dead letter through `/v1/dead-letters`: the reservations are cancelled
 * once and the release ends failed with its reason. Replaying the stale dispatch dead letter
 * afterwards changes nothing.
 */
jest.setTimeout(120_000);

const ADMIN = DEMO_KEYS.admin;
interface DeadLetterView {
  id: string;
  jobName: string;
  jobId: string;
  status: string;
  attempts: number;
  reason: string;
  lastError: string;
  correlationId: string;
  businessKey: string | null;
}

let platform: FaultPlatform;

beforeAll(async () => {
  platform = await FaultPlatform.start({
    name: 'faults-dead-letters',
    // Three tries about a second apart: dead letters come quickly.
    processEnv: {
      ...FAST_TAKEOVER,
      ...retryPolicies({ attempts: 3, baseDelayMs: 1000, maxDelayMs: 1000 }),
    },
  });
});

afterAll(async () => {
  await platform?.close();
});

it('a job that always fails becomes a dead letter; after the fix a replay completes it once', async () => {
  const { api } = await platform.startApp('order-release');
  const request = platform.client(api);
  const deadLetters = async (jobName: string) =>
    (
      await request<{ items: DeadLetterView[] }>(
        'GET',
        `/v1/dead-letters?queue=order-release&jobName=${jobName}`,
        { key: ADMIN },
      )
    ).body.items;
  const replay = (id: string) =>
    request<{ jobId: string }>('POST', `/v1/dead-letters/${id}/replay`, {
      key: ADMIN,
      headers: { 'idempotency-key': randomUUID() },
    });

  await platform.sandbox.setFault('P100', 'mes', { downForSeconds: 600 });
  const accepted = await requestRelease(request, 'MO-P100-0003');
  expect(accepted.status).toBe(202);
  const path = `/v1/order-releases/${accepted.body.id}`;
  // Once the components are reserved, the WMS goes down too: the undo will not get through either.
  await waitForSaga(
    request,
    path,
    DEMO_KEYS.planner,
    'components reserved',
    (r) => Boolean(r.steps?.some((s) => s.name === 'reserve-components' && s.status === 'done')),
    30_000,
  );
  await platform.sandbox.setFault('P100', 'wms', { downForSeconds: 600 });

  const [cancelLetter] = await waitUntil(
    'the cancel-reservation dead letter',
    async () => {
      const found = await deadLetters('cancel-reservation');
      return found.length > 0 ? found : undefined;
    },
    { timeoutMs: 45_000, intervalMs: 500 },
  );
  expect(cancelLetter).toMatchObject({
    status: 'open',
    attempts: 3,
    businessKey: 'P100/MO-P100-0003',
    correlationId: accepted.body.correlationId,
  });
  const [dispatchLetter] = await deadLetters('dispatch-work-orders');
  expect(dispatchLetter).toMatchObject({
    status: 'open',
    attempts: 3,
    businessKey: 'P100/MO-P100-0003',
  });
  const stuck = await request<ReleaseState>('GET', path, { key: DEMO_KEYS.planner });
  expect(stuck.body.status).toBe('compensating');
  const ledgerBefore = postingsOfSaga(await platform.sandbox.ledger(), accepted.body.id);
  expect(countsByOperation(ledgerBefore)['P100 wms reservation.cancel']).toBeUndefined();

  // The operator fixes the cause and replays.
  await platform.sandbox.clearFaults();
  expect((await replay(cancelLetter!.id)).status).toBe(202);
  const done = await waitReleaseEnded(request, accepted.body.id, 30_000);
  expect(done.status).toBe('failed');
  expectSettled([done]);
  expect(done.failure?.reason).toMatch(/mes|dispatch|down|unavailable/i);
  expect(done.compensations).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ action: 'cancel-reservation', status: 'done' }),
    ]),
  );

  // A stale dead letter replayed after the saga ended: its job runs and posts nothing.
  const { body: replayed } = await replay(dispatchLetter!.id);
  await waitUntil(
    'the replayed dispatch job to finish',
    async () => {
      const job = (await queueJobs(platform.redisUrl, platform.redisPrefix, 'order-release')).find(
        (j) => j.id === replayed.jobId,
      );
      return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 300 },
  );
  expect((await request<ReleaseState>('GET', path, { key: DEMO_KEYS.planner })).body.status).toBe(
    'failed',
  );
  expect((await deadLetters('cancel-reservation')).map((d) => d.status)).toEqual(['replayed']);

  // Each reservation made once and cancelled once; the ERP release reverted once; nothing dispatched.
  const ledger = await expectNoDoublePostings(platform.sandbox);
  const counts = countsByOperation(postingsOfSaga(ledger, accepted.body.id));
  expect(counts['P100 wms reservation.create']).toBe(done.reservations.length);
  expect(counts['P100 wms reservation.cancel']).toBe(done.reservations.length);
  expect(counts['P100 mes ProcessProductionSchedule']).toBeUndefined();
  const cancelled = postingsOfSaga(ledger, accepted.body.id)
    .filter((e) => e.operation === 'reservation.cancel')
    .map((e) => (e.payload as { path: string }).path);
  expect(new Set(cancelled).size).toBe(done.reservations.length);
  const erp = Object.entries(counts).filter(([op]) => op.startsWith('P100 erp'));
  expect(erp.every(([, n]) => n === 1)).toBe(true);
});
