import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@plantsync/platform';
import { PlatformTestModule, testState } from './platform-test.app';

// Nothing listens on port 1: the platform Redis client fails fast (offline queue off).
let app: NestFastifyApplication;
const savedRedisUrl = process.env.REDIS_URL;

beforeAll(async () => {
  Object.assign(process.env, {
    REDIS_URL: 'redis://127.0.0.1:1',
    PLANTSYNC_REDIS_PREFIX: 'test:redis-down:',
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: path.join(__dirname, '../../../config/api-keys.demo.yaml'),
  });
  app = await createApp(PlatformTestModule, {
    app: 'platform-test',
    title: 'Redis down',
    description: 'x',
  });
  await app.init();
});

afterAll(async () => {
  await app?.close();
  if (savedRedisUrl === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = savedRedisUrl;
});

it('refuses an idempotent request with 503 rather than risk applying it twice', async () => {
  const before = testState.releases;
  const res = await app.inject({
    method: 'POST',
    url: '/plants/P100/releases',
    headers: { 'x-api-key': 'ps_demo_planner_7b2e44', 'idempotency-key': 'release-PO-5000' },
    payload: {
      order: 'PO-5000',
      lines: [{ item: 'BRKT-1042', quantity: { value: 10, unit: 'EA' } }],
    },
  });
  expect(res.statusCode).toBe(503);
  expect(res.json().type).toBe('https://plantsync.dev/problems/idempotency-store-unavailable');
  expect(res.headers['retry-after']).toBe('5');
  expect(testState.releases).toBe(before);
});

it('reports Redis down in readiness', async () => {
  const res = await app.inject({ method: 'GET', url: '/health/ready' });
  expect(res.statusCode).toBe(503);
  expect(res.json().checks).toContainEqual(
    expect.objectContaining({ name: 'redis', status: 'down' }),
  );
});
