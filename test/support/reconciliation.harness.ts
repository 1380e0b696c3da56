import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, redisTestPrefix } from '@plantsync/testing';
import { apiClient, type ApiRequestOptions, type ApiResponse } from './http-client';
import { DEMO_KEYS } from './demo-keys';

const ROOT = join(__dirname, '../..');

export interface ReconciliationHarness {
  url: string;
  app: NestFastifyApplication;
  request<T = any>(method: string, path: string, opts?: ApiRequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/**
 * Boots the reconciliation app (API + worker) against running system APIs with its own Redis
 * prefix and database. Schedulers are off unless `schedule: true`.
 */
export async function startReconciliation(opts: {
  systemApis: { erp: string; mes: string; wms: string };
  database?: 'sqlite' | 'postgres';
  schedule?: boolean;
  /** Listen on this port (a process app was told where to find it before it came up); default any free port. */
  port?: number;
}): Promise<ReconciliationHarness> {
  const redis = redisTestPrefix('reconciliation');
  const database = createTestDatabase(opts.database ?? 'sqlite');
  for (const key of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATABASE_SQLITE_PATH']) delete process.env[key];
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: join(ROOT, 'config/api-keys.demo.yaml'),
    ...redis.env,
    ...database.env,
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time like the other process harnesses
  const { createReconciliationApi } = require(join(ROOT, 'apps/process/reconciliation/src/reconciliation.app')) as typeof import('../../apps/process/reconciliation/src/reconciliation.app');
  const app = await createReconciliationApi({
    clients: { urls: opts.systemApis, apiKey: DEMO_KEYS.service, timeoutMs: 30_000 },
    schedule: opts.schedule ?? false,
  });
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
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
