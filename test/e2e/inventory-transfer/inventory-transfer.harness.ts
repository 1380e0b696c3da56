import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QueueRegistry } from '@plantsync/messaging';
import { createTestDatabase, redisTestPrefix, type TestDatabase, type RedisTestPrefix } from '@plantsync/testing';
import { createInventoryTransferApi } from '../../../apps/process/inventory-transfer/src/inventory-transfer.app';
import { DEMO_KEYS } from '../../support/demo-keys';
import { apiClient, type ApiResponse } from '../../support/http-client';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

const ROOT = join(__dirname, '../../..');

/** Sandbox + erp-api + wms-api + the inventory-transfer app (api and workers in one process), all hermetic. */
export interface TransferEnv {
  sandbox: SandboxHarness;
  erp: SystemApiHarness;
  wms: SystemApiHarness;
  app: NestFastifyApplication;
  request: ReturnType<typeof apiClient>;
  close(): Promise<void>;
}

export async function startTransferEnv(
  opts: {
    attempts?: number;
    /** Where the app reports sync observations; default a closed port (best-effort, so harmless). */
    reconciliationUrl?: string;
  } = {},
): Promise<TransferEnv> {
  const sandbox = await startSandbox();
  const erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url, timeoutMs: 2000 });
  const wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url, timeoutMs: 2000 });
  const redis: RedisTestPrefix = redisTestPrefix('inventory-transfer');
  const db: TestDatabase = createTestDatabase('sqlite');
  for (const name of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATABASE_SQLITE_PATH']) delete process.env[name];
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: join(ROOT, 'config/api-keys.demo.yaml'),
    ...redis.env,
    ...db.env,
  });
  const app = await createInventoryTransferApi({
    role: 'all',
    clients: { urls: { erp: erp.url, wms: wms.url, reconciliation: opts.reconciliationUrl ?? 'http://127.0.0.1:9' }, apiKey: DEMO_KEYS.service, timeoutMs: 3000 },
    retryPolicy: { attempts: opts.attempts ?? 3, baseDelayMs: 50, maxDelayMs: 200 },
    recovery: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    sandbox,
    erp,
    wms,
    app,
    request: apiClient(url),
    async close() {
      await app.get(QueueRegistry).queue('inventory-transfer').obliterate({ force: true }).catch(() => undefined);
      await app.close();
      await db.cleanup();
      await redis.cleanup();
      await wms.close();
      await erp.close();
      await sandbox.close();
    },
  };
}

/** Polls GET until `done` holds (or fails with the last answer). */
export async function until<T = any>(
  probe: () => Promise<ApiResponse<T>>,
  done: (body: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const res = await probe();
    if (res.status === 200 && done(res.body)) return res.body;
    if (Date.now() > end) throw new Error(`timed out; last answer ${res.status}: ${JSON.stringify(res.body, null, 1).slice(0, 4000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
