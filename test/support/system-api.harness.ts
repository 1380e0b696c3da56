import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Landscape, parseLandscape } from '@plantsync/landscape';
import { createTestDatabase, redisTestPrefix } from '@plantsync/testing';
import { ApiRequestOptions, ApiResponse, apiClient } from './http-client';
import { sandboxCredentialsEnv } from './demo-keys';

export type SystemApiName = 'erp-api' | 'mes-api' | 'wms-api';

type CreateApi = (opts: { landscape?: Landscape }) => Promise<NestFastifyApplication>;

const APPS: Record<SystemApiName, { file: string; factory: string }> = {
  'erp-api': { file: 'apps/system/erp-api/src/erp-api.app', factory: 'createErpApi' },
  'mes-api': { file: 'apps/system/mes-api/src/mes-api.app', factory: 'createMesApi' },
  'wms-api': { file: 'apps/system/wms-api/src/wms-api.app', factory: 'createWmsApi' },
};

const ROOT = join(__dirname, '../..');

export interface SystemApiHarness {
  url: string;
  app: NestFastifyApplication;
  landscape: Landscape;
  request<T = any>(method: string, path: string, opts?: ApiRequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export interface StartSystemApiOptions {
  sandboxUrl: string;
  /** Where the app keeps its data: a fresh SQLite file (default) or a fresh PostgreSQL schema. */
  database?: 'sqlite' | 'postgres';
  /** Override every binding's timeout, e.g. to provoke 504s with sandbox latency. */
  timeoutMs?: number;
  /** Extra env for this app (applied before it boots). */
  env?: Record<string, string>;
}

/** The demo landscape, pointed at a test sandbox. */
export function testLandscape(sandboxUrl: string, timeoutMs?: number): Landscape {
  const file = join(ROOT, 'config/landscape.yaml');
  const landscape = parseLandscape(readFileSync(file, 'utf8'), file, { SANDBOX_URL: sandboxUrl });
  if (timeoutMs !== undefined)
    for (const plant of landscape.plants())
      for (const binding of Object.values(plant.systems)) binding.timeoutMs = timeoutMs;
  return landscape;
}

/**
 * Boots one system API against a running sandbox with its own Redis prefix and database, the demo
 * API keys and quiet logs, listening on a port the OS picks. `close()` removes everything it made.
 */
export async function startSystemApi(name: SystemApiName, opts: StartSystemApiOptions): Promise<SystemApiHarness> {
  const redis = redisTestPrefix(name);
  const database = createTestDatabase(opts.database ?? 'sqlite');
  // A PostgreSQL URL left by the environment must not override a SQLite test database.
  for (const name of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATABASE_SQLITE_PATH']) delete process.env[name];
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    PLANTSYNC_API_KEYS_FILE: join(ROOT, 'config/api-keys.demo.yaml'),
    ...sandboxCredentialsEnv(),
    ...redis.env,
    ...database.env,
    ...opts.env,
  });
  const landscape = testLandscape(opts.sandboxUrl, opts.timeoutMs);
  // Resolved at run time so this harness compiles before every app exists.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(ROOT, APPS[name].file)) as Record<string, CreateApi>;
  const app = await mod[APPS[name].factory]({ landscape });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    app,
    landscape,
    request: apiClient(url),
    async close() {
      await app.close();
      await redis.cleanup();
      await database.cleanup();
    },
  };
}
