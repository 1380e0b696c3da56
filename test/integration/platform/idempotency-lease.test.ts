import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, IdempotencyStore, PLATFORM_REDIS, PLATFORM_REDIS_PREFIX } from '@plantsync/platform';
import type { Redis } from 'ioredis';
import { redisTestPrefix } from '@plantsync/testing';
import { PlatformTestModule, testState } from './platform-test.app';

/**
 * The in-flight marker of an Idempotency-Key is a lease (IDEMPOTENCY_LOCK_SECONDS) renewed while
 * its request runs: a live request keeps its key however long it takes, a holder that is gone
 * (process died, request cut off by a Redis restart) frees it within one lease instead of minutes.
 */
const LEASE_SECONDS = 3;
const PLANNER = 'ps_demo_planner_7b2e44';
const redis = redisTestPrefix('platform-idempotency-lease');
let app: NestFastifyApplication;
let store: IdempotencyStore;
let prefix: string;
let base: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` every 200 ms until it returns a value; fails after `timeoutMs` (a bound, not a speed claim). */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function held(key: string, note: string) {
  return fetch(`${base}/held`, {
    method: 'POST',
    headers: { 'x-api-key': PLANNER, 'idempotency-key': key, 'content-type': 'application/json' },
    body: JSON.stringify({ note }),
  });
}

beforeAll(async () => {
  Object.assign(process.env, redis.env, {
    LOG_LEVEL: 'silent',
    IDEMPOTENCY_LOCK_SECONDS: String(LEASE_SECONDS),
    PLANTSYNC_API_KEYS_FILE: path.join(__dirname, '../../../config/api-keys.demo.yaml'),
  });
  app = await createApp(PlatformTestModule, {
    app: 'platform-lease-test',
    title: 'Idempotency lease test',
    description: 'Idempotency lease integration test app',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  store = app.get(IdempotencyStore);
  prefix = app.get<string>(PLATFORM_REDIS_PREFIX);
});

afterAll(async () => {
  await app?.close();
  await redis.cleanup();
  delete process.env.IDEMPOTENCY_LOCK_SECONDS;
});

it('a request running longer than its lease keeps its key: a repeat is 409 meanwhile and the replay after', async () => {
  let finish!: () => void;
  testState.held = new Promise<void>((resolve) => (finish = resolve));
  const callsBefore = testState.heldCalls;
  const first = held('goods-receipt-P100-GR-7731', 'long posting');
  await waitFor('the first request to start', async () => (testState.heldCalls > callsBefore ? true : undefined), 10_000);

  // More than two leases: without renewal the marker would have expired long ago.
  await sleep(LEASE_SECONDS * 1000 * 2 + 1000);
  const meanwhile = await held('goods-receipt-P100-GR-7731', 'long posting');
  expect(meanwhile.status).toBe(409);
  expect(((await meanwhile.json()) as { type: string }).type).toBe(
    'https://plantsync.dev/problems/idempotency-key-in-flight',
  );

  finish();
  expect((await first).status).toBe(201);
  const after = await held('goods-receipt-P100-GR-7731', 'long posting');
  expect(after.headers.get('idempotency-replayed')).toBe('true');
  expect(await after.json()).toEqual({ done: true, note: 'long posting' });
  expect(testState.heldCalls).toBe(callsBefore + 1);
});

it('a holder that is gone frees the key within a lease; its late answer never overwrites the new holder', async () => {
  const key = `${prefix}idem:platform-lease-test:planner:reserve-P200-MO-P200-0042`;
  const gone = await store.begin(key, 'fingerprint-MO-P200-0042');
  expect(gone.outcome).toBe('acquired');
  // Nobody renews `gone` (its process died, or Redis restarted under its request).
  expect((await store.begin(key, 'fingerprint-MO-P200-0042')).outcome).toBe('in-flight');
  const next = await waitFor(
    'the key to be free again',
    async () => {
      const begun = await store.begin(key, 'fingerprint-MO-P200-0042');
      return begun.outcome === 'acquired' ? begun : undefined;
    },
    LEASE_SECONDS * 1000 * 4,
  );

  const answer = { status: 201, headers: {}, body: '{"reservation":"RES-881"}' };
  if (gone.outcome !== 'acquired' || next.outcome !== 'acquired') throw new Error('unreachable');
  expect(await store.complete(key, gone.token, 'fingerprint-MO-P200-0042', answer)).toBe(false);
  expect(await store.renew(key, gone.token)).toBe(false);
  expect((await store.begin(key, 'fingerprint-MO-P200-0042')).outcome).toBe('in-flight');
  expect(await store.complete(key, next.token, 'fingerprint-MO-P200-0042', answer)).toBe(true);
  expect(await store.begin(key, 'fingerprint-MO-P200-0042')).toEqual({ outcome: 'replay', response: answer });
});

it('a response recorded after its lease ran out (Redis was away) is still kept when nobody took the key', async () => {
  const key = `${prefix}idem:platform-lease-test:planner:transfer-P100-P300-TR-5521`;
  const begun = await store.begin(key, 'fingerprint-TR-5521');
  if (begun.outcome !== 'acquired') throw new Error(`expected to acquire, got ${begun.outcome}`);
  const raw = app.get<Redis>(PLATFORM_REDIS);
  await waitFor('the lease to run out', async () => ((await raw.exists(key)) === 0 ? true : undefined), LEASE_SECONDS * 1000 * 4);
  const answer = { status: 202, headers: { location: '/v1/inventory-transfers/TR-5521' }, body: '{"id":"TR-5521"}' };
  expect(await store.complete(key, begun.token, 'fingerprint-TR-5521', answer)).toBe(true);
  expect(await store.begin(key, 'fingerprint-TR-5521')).toEqual({ outcome: 'replay', response: answer });
});
