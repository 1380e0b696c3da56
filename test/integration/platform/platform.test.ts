import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@plantsync/platform';
import { redisTestPrefix } from '@plantsync/testing';
import { PlatformTestModule, testState } from './platform-test.app';

const KEYS = {
  admin: 'ps_demo_admin_3f9c1a',
  planner: 'ps_demo_planner_7b2e44',
  mesP100: 'ps_demo_mes_p100_5a1f',
  supplier: 'ps_demo_supplier_1001_e4a8',
};

const redis = redisTestPrefix('platform');
let app: NestFastifyApplication;
let base: string;

async function call(
  method: string,
  url: string,
  init: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.key) headers['x-api-key'] = init.key;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + url, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
   
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

const release = (order: string) => ({
  order,
  lines: [{ item: 'BRKT-1042', quantity: { value: 40, unit: 'EA' } }],
});

beforeAll(async () => {
  Object.assign(process.env, redis.env, {
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: path.join(__dirname, '../../../config/api-keys.demo.yaml'),
  });
  app = await createApp(PlatformTestModule, {
    app: 'platform-test',
    title: 'Platform test',
    description: 'Platform integration test app',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app?.close();
  await redis.cleanup();
});

describe('auth', () => {
  it('401 without a key, with WWW-Authenticate and problem+json', async () => {
    const res = await call('GET', '/plants/P100/orders');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('www-authenticate')).toBe('ApiKey');
    expect(res.json).toMatchObject({
      type: 'https://plantsync.dev/problems/unauthenticated',
      status: 401,
      instance: '/plants/P100/orders',
    });
  });

  it('401 with an unknown key', async () => {
    expect((await call('GET', '/plants/P100/orders', { key: 'ps_demo_admin_3f9c1b' })).status).toBe(
      401,
    );
  });

  it('accepts Authorization: ApiKey', async () => {
    const res = await call('GET', '/plants/P100/orders', {
      headers: { authorization: `ApiKey ${KEYS.planner}` },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ plant: 'P100', caller: 'demo-planner' });
  });

  it('403 for a kind not in @Allow', async () => {
    const res = await call('GET', '/plants/P100/orders', { key: KEYS.supplier });
    expect(res.status).toBe(403);
    expect(res.json.type).toBe('https://plantsync.dev/problems/forbidden');
  });

  it('routes without @Allow are admin-only', async () => {
    expect((await call('GET', '/admin/settings', { key: KEYS.planner })).status).toBe(403);
    expect((await call('GET', '/admin/settings', { key: KEYS.admin })).status).toBe(200);
  });

  it('MES keys act for their own plant only', async () => {
    expect((await call('GET', '/plants/P100/orders', { key: KEYS.mesP100 })).status).toBe(200);
    const res = await call('GET', '/plants/P200/orders', { key: KEYS.mesP100 });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({
      type: 'https://plantsync.dev/problems/plant-out-of-scope',
      plant: 'P200',
    });
    expect(res.json.detail).toContain('P200');
  });

  it('@PlantParam as a parameter decorator also enforces the scope', async () => {
    const res = await call('POST', '/plants/P300/releases', {
      key: KEYS.mesP100,
      body: release('PO-4700'),
    });
    expect(res.status).toBe(403);
    expect(res.json.plant).toBe('P300');
  });
});

describe('errors', () => {
  it('validation 400 lists every bad field, nested ones too', async () => {
    const res = await call('POST', '/plants/P100/releases', {
      key: KEYS.planner,
      body: {
        order: 4711,
        lines: [
          { item: 'BRKT-1042', quantity: { value: 0, unit: 'EA' } },
          { item: 'GSKT-220', quantity: { value: 2 } },
        ],
        color: 'red',
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.json.type).toBe('https://plantsync.dev/problems/validation-failed');
    const fields = res.json.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['color', 'lines[0].quantity.value', 'lines[1].quantity.unit', 'order']);
  });

  it('unknown errors are a generic 500 without internals', async () => {
    const res = await call('GET', '/boom', { key: KEYS.planner });
    expect(res.status).toBe(500);
    expect(res.text).not.toMatch(/ECONNREFUSED|hunter2|\.ts:\d+/);
    expect(res.json.correlationId).toBe(res.headers.get('x-correlation-id'));
  });

  it('classified backend errors map to 503 with Retry-After', async () => {
    const res = await call('GET', '/backend-down', { key: KEYS.planner });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.json).toMatchObject({
      type: 'https://plantsync.dev/problems/erp-unavailable',
      plant: 'P100',
    });
  });

  it('unknown routes and malformed JSON are problems too', async () => {
    const missing = await call('GET', '/nowhere', { key: KEYS.planner });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const res = await fetch(`${base}/correlation`, {
      method: 'POST',
      headers: { 'x-api-key': KEYS.planner, 'content-type': 'application/json' },
      body: '{"order":',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('correlation id', () => {
  it('echoes a valid caller id and sees it inside the handler, also after body parsing', async () => {
    const res = await call('GET', '/correlation', {
      key: KEYS.planner,
      headers: { 'x-correlation-id': 'mes-p100:conf-8812' },
    });
    expect(res.headers.get('x-correlation-id')).toBe('mes-p100:conf-8812');
    expect(res.json.correlationId).toBe('mes-p100:conf-8812');
    const posted = await call('POST', '/correlation', {
      key: KEYS.planner,
      body: release('PO-1'),
      headers: { 'x-correlation-id': 'order-release-PO-1' },
    });
    expect(posted.json.correlationId).toBe('order-release-PO-1');
  });

  it('generates one when absent or malformed, also on errors', async () => {
    const res = await call('GET', '/correlation', {
      key: KEYS.planner,
      headers: { 'x-correlation-id': 'bad id!' },
    });
    const id = res.headers.get('x-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json.correlationId).toBe(id);
    const denied = await call('GET', '/plants/P100/orders');
    expect(denied.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(denied.json.correlationId).toBe(denied.headers.get('x-correlation-id'));
  });
});

describe('idempotency', () => {
  it('replays the first response with Idempotency-Replayed', async () => {
    const headers = { 'idempotency-key': 'release-PO-4711-v1' };
    const first = await call('POST', '/plants/P100/releases', {
      key: KEYS.planner,
      body: release('PO-4711'),
      headers,
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    const second = await call('POST', '/plants/P100/releases', {
      key: KEYS.planner,
      body: release('PO-4711'),
      headers,
    });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(second.headers.get('location')).toBe('/plants/P100/releases/latest');
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    expect(second.json).toEqual(first.json);
  });

  it('keys are per principal', async () => {
    const headers = { 'idempotency-key': 'release-PO-4712' };
    const planner = await call('POST', '/plants/P100/releases', {
      key: KEYS.planner,
      body: release('PO-4712'),
      headers,
    });
    const mes = await call('POST', '/plants/P100/releases', {
      key: KEYS.mesP100,
      body: release('PO-4712'),
      headers,
    });
    expect(mes.headers.get('idempotency-replayed')).toBeNull();
    expect(mes.json.releaseNo).not.toBe(planner.json.releaseNo);
  });

  it('422 when the key is reused with another body', async () => {
    const headers = { 'idempotency-key': 'release-PO-4713' };
    await call('POST', '/plants/P100/releases', {
      key: KEYS.planner,
      body: release('PO-4713'),
      headers,
    });
    const res = await call('POST', '/plants/P100/releases', {
      key: KEYS.planner,
      body: release('PO-9999'),
      headers,
    });
    expect(res.status).toBe(422);
    expect(res.json.type).toBe('https://plantsync.dev/problems/idempotency-key-reused');
  });

  it('409 while the first request is in flight', async () => {
    let releaseHeld!: () => void;
    testState.held = new Promise<void>((resolve) => (releaseHeld = resolve));
    const headers = { 'idempotency-key': 'held-1' };
    const first = call('POST', '/held', { key: KEYS.planner, body: { note: 'first' }, headers });
    while (testState.heldCalls === 0) await new Promise((r) => setTimeout(r, 5));
    const second = await call('POST', '/held', {
      key: KEYS.planner,
      body: { note: 'first' },
      headers,
    });
    expect(second.status).toBe(409);
    expect(second.json.type).toBe('https://plantsync.dev/problems/idempotency-key-in-flight');
    releaseHeld();
    expect((await first).status).toBe(201);
    const third = await call('POST', '/held', {
      key: KEYS.planner,
      body: { note: 'first' },
      headers,
    });
    expect(third.headers.get('idempotency-replayed')).toBe('true');
    expect(testState.heldCalls).toBe(1);
  });

  it('400 when a required key is missing', async () => {
    const res = await call('POST', '/held', { key: KEYS.planner, body: {} });
    expect(res.status).toBe(400);
    expect(res.json.type).toBe('https://plantsync.dev/problems/idempotency-key-missing');
  });

  it('a 5xx releases the key so a retry runs again', async () => {
    const headers = { 'idempotency-key': 'flaky-1' };
    expect((await call('POST', '/flaky', { key: KEYS.planner, headers })).status).toBe(500);
    const retry = await call('POST', '/flaky', { key: KEYS.planner, headers });
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual({ posted: true, attempt: 2 });
  });

  it('a 4xx is stored and replayed', async () => {
    const headers = { 'idempotency-key': 'rejected-1' };
    const first = await call('POST', '/rejected', { key: KEYS.planner, headers });
    const second = await call('POST', '/rejected', { key: KEYS.planner, headers });
    expect(second.status).toBe(404);
    expect(second.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(second.json).toEqual(first.json);
    expect(testState.rejectedCalls).toBe(1);
  });
});

describe('health and docs', () => {
  it('live is public; ready lists checks and turns 503 when one is down', async () => {
    expect((await call('GET', '/health/live')).status).toBe(200);
    const up = await call('GET', '/health/ready');
    expect(up.status).toBe(200);
    expect(up.json.checks).toEqual(
      expect.arrayContaining([
        { name: 'redis', status: 'up' },
        { name: 'erp:P100', status: 'up' },
      ]),
    );
    testState.erpUp = false;
    const down = await call('GET', '/health/ready');
    testState.erpUp = true;
    expect(down.status).toBe(503);
    expect(down.json.checks).toContainEqual({
      name: 'erp:P100',
      status: 'down',
      detail: 'Odoo at P100 Detroit is down',
    });
  });

  it('serves OpenAPI 3.1 with the API key scheme, publicly', async () => {
    const res = await call('GET', '/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toMatch(/^3\.1\./);
    expect(res.json.components.securitySchemes.ApiKey).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
    });
    expect(Object.keys(res.json.paths)).toContain('/plants/{plant}/releases');
    const ui = await call('GET', '/docs');
    expect(ui.status).toBe(200);
  });
});
