import { DEMO_KEYS } from '../support/demo-keys';
import { FAST_TAKEOVER, retryPolicies } from './support/fault-env';
import { FaultPlatform } from './support/fault-platform';
import { expectNoDoublePostings } from './support/ledger-proof';
import {
  expectReleasePostedOnce,
  requestRelease,
  waitReleaseEnded,
  type ReleaseState,
} from './support/release-flow';
import { expectSettled } from './support/saga-polling';

/**
 * Monterrey's (P200) ERP is down for 30 s. Releases at P200 wait — their steps retry with backoff —
 * and complete once it is back; a release at Detroit (P100) meanwhile runs at its usual pace.
 */
jest.setTimeout(150_000);

const OUTAGE_SECONDS = 30;

let platform: FaultPlatform;

beforeAll(async () => {
  platform = await FaultPlatform.start({
    name: 'faults-erp-outage',
    // Patient enough to outlast the outage (~35-70 s of backoff in total), fast enough to notice the recovery.
    processEnv: {
      ...FAST_TAKEOVER,
      ...retryPolicies({ attempts: 30, baseDelayMs: 500, maxDelayMs: 2500 }),
    },
  });
});

afterAll(async () => {
  await platform?.close();
});

it("one plant's ERP down: its releases wait and complete after the outage, another plant's are not delayed", async () => {
  const { api } = await platform.startApp('order-release');
  const request = platform.client(api);
  const timed = async (order: string) => {
    const started = Date.now();
    const accepted = await requestRelease(request, order);
    expect(accepted.status).toBe(202);
    const done = await waitReleaseEnded(request, accepted.body.id, 120_000);
    return { done, ms: Date.now() - started, endedAt: Date.now() };
  };

  // Baseline: how long a release takes on this machine right now, with every backend up.
  const baseline = await timed('MO-P300-0003');
  expect(baseline.done.status).toBe('completed');

  await platform.sandbox.setFault('P200', 'erp', { downForSeconds: OUTAGE_SECONDS });
  const downUntil = Date.now() + OUTAGE_SECONDS * 1000;
  const monterrey = timed('MO-P200-0005');
  const detroit = await timed('MO-P100-0003');

  // Detroit finished while Monterrey's ERP was still down, in about the baseline's time.
  expect(detroit.done.status).toBe('completed');
  expect(detroit.endedAt).toBeLessThan(downUntil);
  expect(detroit.ms).toBeLessThanOrEqual(Math.max(3 * baseline.ms, baseline.ms + 5_000));
  const atMonterrey = await request<{ items: ReleaseState[] }>(
    'GET',
    '/v1/order-releases?plant=P200',
    { key: DEMO_KEYS.planner },
  );
  expect(atMonterrey.body.items.map((r) => r.status)).toEqual(['running']);

  // Monterrey waited for its ERP, then completed.
  const p200 = await monterrey;
  expect(p200.done.status).toBe('completed');
  expect(p200.endedAt).toBeGreaterThanOrEqual(downUntil - 1000);
  expect(
    p200.done.steps?.find((s) => s.name === 'load-production-order')?.attempts,
  ).toBeGreaterThan(1);

  const all = [baseline.done, detroit.done, p200.done];
  expectSettled(all);
  const ledger = await expectNoDoublePostings(platform.sandbox);
  for (const release of all) expectReleasePostedOnce(ledger, release);
});
