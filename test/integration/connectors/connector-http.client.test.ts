import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  BackendRejectedError,
  BackendTimeoutError,
  BackendUnavailableError,
  ConnectorHttpClient,
  RecordConflictError,
  RecordNotFoundError,
} from '@plantsync/connectors';
import { SystemBinding } from '@plantsync/landscape';

/** A real HTTP backend on a port the OS picks; each test sets how it answers. */
let server: Server;
let baseUrl: string;
let handler: (req: IncomingMessage, res: ServerResponse) => void;
let seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
});

function client(timeoutMs = 500, url = baseUrl): ConnectorHttpClient {
  const binding = Object.assign(new SystemBinding(), { connector: 'rest-wms', baseUrl: url, timeoutMs, options: {} });
  return new ConnectorHttpClient(binding, { plant: 'P200', system: 'wms', connector: 'rest-wms' }, (h) => {
    h.authorization = 'Bearer sandbox-demo-key';
  });
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  handler = (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

describe('ConnectorHttpClient', () => {
  it('sends correlation id, idempotency key and credentials, and parses JSON', async () => {
    answer(200, { ok: true });
    const body = await client().json(
      { correlationId: 'corr-4711', idempotencyKey: 'rsv-MO-P200-000118-BRKT-1042' },
      { method: 'POST', path: '/v1/reservations', body: { item: 'BRKT-1042' }, operation: 'reservation.create' },
    );
    expect(body).toEqual({ ok: true });
    expect(seen[0].headers).toMatchObject({
      'x-correlation-id': 'corr-4711',
      'idempotency-key': 'rsv-MO-P200-000118-BRKT-1042',
      authorization: 'Bearer sandbox-demo-key',
      'content-type': 'application/json',
    });
  });

  it('turns a slow backend into a timeout error', async () => {
    handler = (_req, res) => setTimeout(() => res.end('{}'), 1000).unref();
    await expect(client(100).request({}, { method: 'GET', path: '/v1/stock', operation: 'stock.list' })).rejects.toBeInstanceOf(
      BackendTimeoutError,
    );
  });

  it('turns a backend that stalls in the middle of its body into a timeout error', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"balances":[');
      setTimeout(() => res.end(']}'), 1000).unref();
    };
    await expect(client(100).request({}, { method: 'GET', path: '/v1/stock', operation: 'stock.list' })).rejects.toBeInstanceOf(
      BackendTimeoutError,
    );
  });

  it('sends and reads non-ASCII bodies intact (byte length, not characters)', async () => {
    handler = (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const received = Buffer.concat(chunks);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ echoed: JSON.parse(received.toString('utf8')), contentLength: req.headers['content-length'], bytes: received.length }));
      });
    };
    const note = 'Prüfung für Lager Monterrey — ✓ 受入';
    const answer = await client().json<{ echoed: { note: string }; contentLength: string; bytes: number }>(
      {},
      { method: 'POST', path: '/v1/receipts', body: { note }, operation: 'receipt.create' },
    );
    expect(answer.echoed.note).toBe(note);
    expect(Number(answer.contentLength)).toBe(answer.bytes);
  });

  it('keeps the connection to a backend open across calls', async () => {
    answer(200, { ok: true });
    const connections = new Set<unknown>();
    const c = client();
    for (let i = 0; i < 3; i++) {
      await c.json({}, { method: 'GET', path: '/v1/stock', operation: 'stock.list' });
      connections.add(seen[i].socket);
    }
    expect(connections.size).toBe(1);
  });

  it('turns a backend that drops the connection in the middle of its body into an unavailable error', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"balances":[', () => res.socket?.destroy());
    };
    const error = await client()
      .request({}, { method: 'GET', path: '/v1/stock', operation: 'stock.list' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailableError);
  });

  it('turns an unreachable backend into an unavailable error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const error = await client(500, `http://127.0.0.1:${port}`)
      .request({}, { method: 'GET', path: '/v1/stock', operation: 'stock.list' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as BackendUnavailableError).message).toContain('ECONNREFUSED');
  });

  it('keeps the Retry-After of a 503', async () => {
    answer(503, { error: 'maintenance' }, { 'retry-after': '30' });
    const error = (await client()
      .request({}, { method: 'GET', path: '/v1/stock', operation: 'stock.list' })
      .catch((e: unknown) => e)) as BackendUnavailableError;
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.transient).toBe(true);
  });

  it('classifies 404, 409 and other 4xx answers', async () => {
    answer(404, { error: 'no such reservation' });
    await expect(
      client().request({}, { method: 'GET', path: '/v1/reservations/9', operation: 'reservation.get', notFound: { recordType: 'Reservation', recordId: '9' } }),
    ).rejects.toBeInstanceOf(RecordNotFoundError);

    answer(409, { message: 'reservation already cancelled' });
    const conflict = await client()
      .request({}, { method: 'POST', path: '/v1/reservations/9/cancel', operation: 'reservation.cancel' })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(RecordConflictError);
    expect((conflict as Error).message).toBe('reservation already cancelled');

    answer(401, { error: 'bad token' });
    const rejected = await client()
      .request({}, { method: 'GET', path: '/v1/stock', operation: 'stock.list' })
      .catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(BackendRejectedError);
    expect((rejected as BackendRejectedError).transient).toBe(false);
  });
});
