import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, redisTestPrefix } from '@plantsync/testing';
import { apiClient, type ApiRequestOptions, type ApiResponse } from './http-client';
import { DEMO_KEYS } from './demo-keys';

export type ProcessAppName = 'order-release' | 'inventory-transfer' | 'production-sync';

type CreateProcessApi = (opts: {
  clients?: { urls?: { erp?: string; mes?: string; wms?: string; reconciliation?: string }; apiKey?: string; timeoutMs?: number };
  recovery?: false | { intervalMs?: number; staleAfterMs?: number };
  retryPolicies?: Record<string, { attempts?: number; baseDelayMs?: number; maxDelayMs?: number }>;
  /** inventory-transfer's one queue takes a single policy. */
  retryPolicy?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  env?: Record<string, string>;
}) => Promise<NestFastifyApplication>;

const APPS: Record<ProcessAppName, { file: string; factory: string }> = {
  'order-release': { file: 'apps/process/order-release/src/order-release.app', factory: 'createOrderReleaseApi' },
  'inventory-transfer': { file: 'apps/process/inventory-transfer/src/inventory-transfer.app', factory: 'createInventoryTransferApi' },
  // API and workers in one process (PRODUCTION_SYNC_ROLE defaults to all).
  'production-sync': { file: 'apps/process/production-sync/src/production-sync.app', factory: 'createProductionSyncApi' },
};

const ROOT = join(__dirname, '../..');

export interface ProcessAppHarness {
  url: string;
  app: NestFastifyApplication;
  request<T = any>(method: string, path: string, opts?: ApiRequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export interface StartProcessAppOptions {
  /** Base URLs of the system APIs the app calls (through libs/clients, with the demo service key). */
  systemApis: { erp: string; mes: string; wms: string };
  /**
   * Where the app reports sync observations; default a closed port, so a test never reports to a
   * reconciliation that happens to run on the machine (reporting is best-effort, so this is harmless).
   */
  reconciliationUrl?: string;
  database?: 'sqlite' | 'postgres';
  /** App env (e.g. ORDER_RELEASE_APPROVAL_TIMEOUT_SECONDS). */
  env?: Record<string, string>;
  /** The saga recovery sweep; off by default in tests (they check the saga, not the sweep). */
  recovery?: false | { intervalMs?: number; staleAfterMs?: number };
  /** Retry policy per queue, e.g. `{ 'order-release': { attempts: 3, baseDelayMs: 50 } }` to exhaust retries fast. */
  retryPolicies?: Record<string, { attempts?: number; baseDelayMs?: number; maxDelayMs?: number }>;
}

/**
 * Boots a process app (API and worker in one process) against running system APIs, with its own
 * Redis prefix and database, the demo API keys and quiet logs, on a port the OS picks.
 */
export async function startProcessApp(name: ProcessAppName, opts: StartProcessAppOptions): Promise<ProcessAppHarness> {
  const redis = redisTestPrefix(name);
  const database = createTestDatabase(opts.database ?? 'sqlite');
  for (const key of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATABASE_SQLITE_PATH']) delete process.env[key];
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: join(ROOT, 'config/api-keys.demo.yaml'),
    ...redis.env,
    ...database.env,
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time so this compiles before every app exists
  const mod = require(join(ROOT, APPS[name].file)) as Record<string, CreateProcessApi>;
  const app = await mod[APPS[name].factory]({
    clients: { urls: { ...opts.systemApis, reconciliation: opts.reconciliationUrl ?? 'http://127.0.0.1:9' }, apiKey: DEMO_KEYS.service },
    recovery: opts.recovery ?? false,
    retryPolicies: opts.retryPolicies,
    retryPolicy: opts.retryPolicies?.[name],
    env: opts.env,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    app,
    request: apiClient(url),
    async close() {
      await app.close();
      await redis.cleanup();
      await database.cleanup();
    },
  };
}
