import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { eventQueueName, ProcessQueue, QueueRegistry } from '@plantsync/messaging';
import { createTestDatabase, redisTestPrefix } from '@plantsync/testing';
import { createProductionSyncApi } from '../../../apps/process/production-sync/src/production-sync.app';
import type { ProductionSyncSettings } from '../../../apps/process/production-sync/src/config/production-sync.settings';
import { DEMO_KEYS } from '../../support/demo-keys';
import { apiClient, type ApiResponse } from '../../support/http-client';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

const ROOT = join(__dirname, '../../..');

/**
 * Sandbox + erp-api + mes-api + wms-api + production-sync (api and workers in one process). mes-api
 * and production-sync share one Redis prefix: mes-api's relay publishes to `events.production-sync`,
 * which production-sync consumes. Everything else is hermetic as usual.
 */
export interface SyncEnv {
  sandbox: SandboxHarness;
  erp: SystemApiHarness;
  mes: SystemApiHarness;
  wms: SystemApiHarness;
  app: NestFastifyApplication;
  request: ReturnType<typeof apiClient>;
  /** Stops production-sync (waiting for the jobs it runs) and boots a new one on the same database and Redis. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncEnv(
  settings: Partial<ProductionSyncSettings> = {},
  database: 'sqlite' | 'postgres' = 'sqlite',
  /** Where production-sync reports sync observations; default a closed port (best-effort, so harmless). */
  reconciliationUrl = 'http://127.0.0.1:9',
): Promise<SyncEnv> {
  const redis = redisTestPrefix('production-sync');
  const sandbox = await startSandbox();
  const erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url, timeoutMs: 3000 });
  const wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url, timeoutMs: 3000 });
  const mes = await startSystemApi('mes-api', { sandboxUrl: sandbox.url, timeoutMs: 3000, env: redis.env });
  const db = createTestDatabase(database);
  for (const name of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATABASE_SQLITE_PATH']) delete process.env[name];
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: join(ROOT, 'config/api-keys.demo.yaml'),
    ...redis.env,
    ...db.env,
  });
  // A delivery's attempts are set by the producer (mes-api's relay: 5 for event queues); the backoff
  // between them is this worker's: 0.4 s doubling to 1.5 s rides out a 2-second outage.
  const fast = { attempts: 5, baseDelayMs: 400, maxDelayMs: 1500 };
  const boot = async () => {
    const created = await createProductionSyncApi({
      role: 'all',
      clients: { urls: { erp: erp.url, mes: mes.url, wms: wms.url, reconciliation: reconciliationUrl }, apiKey: DEMO_KEYS.service, timeoutMs: 5000 },
      retryPolicies: { [eventQueueName('production-sync')]: fast, [ProcessQueue.ProductionSync]: fast },
      settings,
    });
    await created.listen({ port: 0, host: '127.0.0.1' });
    return { created, url: (await created.getUrl()).replace('[::1]', '127.0.0.1') };
  };
  let { created: app, url } = await boot();
  return {
    sandbox,
    erp,
    mes,
    wms,
    get app() {
      return app;
    },
    get request() {
      return apiClient(url);
    },
    async restart() {
      await app.close();
      ({ created: app, url } = await boot());
    },
    async close() {
      const queues = app.get(QueueRegistry);
      for (const q of [eventQueueName('production-sync'), ProcessQueue.ProductionSync])
        await queues.queue(q).obliterate({ force: true }).catch(() => undefined);
      await app.close();
      await mes.close();
      await db.cleanup();
      await redis.cleanup();
      await wms.close();
      await erp.close();
      await sandbox.close();
    },
  };
}

/** Polls until `done` holds (or fails with the last value). */
export async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value, null, 1).slice(0, 4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type { ApiResponse };
