import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ClientsModule,
  ErpApiClient,
  MesApiClient,
  SystemApiRejectedError,
  SystemApiTimeoutError,
  SystemApiUnavailableError,
  WmsApiClient,
} from '@plantsync/clients';
import { isPermanentError } from '@plantsync/messaging';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

/** A port nobody listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('system API clients: configuration, keys, timeouts and unreachable APIs', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
  });

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  it('ClientsModule.forRoot points every client at the URLs and key it is given', async () => {
    @Module({ imports: [ClientsModule.forRoot({ urls: { erp: api.url }, apiKey: DEMO_KEYS.service })] })
    class ProcessAppModule {}
    const app = await NestFactory.createApplicationContext(ProcessAppModule, { logger: false });
    try {
      const erp = app.get(ErpApiClient);
      expect((await erp.getProductionOrder({}, 'P100', 'MO-P100-0003')).number).toBe('MO-P100-0003');
      expect(app.get(MesApiClient)).toBeInstanceOf(MesApiClient);
      expect(app.get(WmsApiClient)).toBeInstanceOf(WmsApiClient);
    } finally {
      await app.close();
    }
  });

  it('a key the system API does not accept is permanent: no retry fixes configuration', async () => {
    const erp = new ErpApiClient({ baseUrl: api.url, apiKey: 'ps_revoked_service_000000' });
    const error = await erp.getProductionOrder({}, 'P100', 'MO-P100-0003').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SystemApiRejectedError);
    expect(error).toMatchObject({ status: 401, classification: 'permanent' });
    expect(isPermanentError(error)).toBe(true);
  });

  it('a supplier key is refused with 403, also permanent', async () => {
    const erp = new ErpApiClient({ baseUrl: api.url, apiKey: DEMO_KEYS.supplier1001 });
    const error = await erp.releaseProductionOrder({ idempotencyKey: 'clients-forbidden-1' }, 'P100', 'MO-P100-0003').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, classification: 'permanent' });
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'mrp.production.action_confirm' })).toBe(0);
  });

  it("no answer within the client's timeout is a transient timeout, without a status", async () => {
    // A system API that accepts the call and never answers (a hung process, a black-holed route).
    const hung = createHttpServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = hung.address() as { port: number };
      const erp = new ErpApiClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: DEMO_KEYS.service, timeoutMs: 200 });
      const started = Date.now();
      const error = await erp.getProductionOrder({}, 'P100', 'MO-P100-0003').catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(5_000); // the 200 ms client timeout, not the server, ended the call
      expect(error).toBeInstanceOf(SystemApiTimeoutError);
      expect(error).toMatchObject({ classification: 'timeout', code: 'system-api-timeout', status: undefined, transient: true });
      expect(isPermanentError(error)).toBe(false);
    } finally {
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  it('a system API that is not running is transient unavailable', async () => {
    const erp = new ErpApiClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, apiKey: DEMO_KEYS.service });
    const error = await erp.getProductionOrder({}, 'P100', 'MO-P100-0003').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SystemApiUnavailableError);
    expect(error).toMatchObject({ classification: 'unavailable', code: 'system-api-unreachable', transient: true });
    expect((error as SystemApiUnavailableError).message).toMatch(/erp-api is unreachable \(ECONNREFUSED\)/);
  });
});
