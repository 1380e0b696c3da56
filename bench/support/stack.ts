import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLandscape } from '@plantsync/landscape';
import { Redis } from 'ioredis';
import { AppProcess, startAppProcess } from './app-process';
import { freePort } from './free-port';

const CREDENTIALS = loadLandscape().credentialsEnv('sandbox-demo-key');
/** The demo service key (config/api-keys.demo.yaml) the process and experience apps call the system APIs with. */
export const SERVICE_KEY = 'ps_demo_service_c81d09';
/** HS256 secret for portal tokens in the bench (the GraphQL row signs its own supplier token). */
export const BENCH_PORTAL_JWT_SECRET = 'bench-portal-secret-with-at-least-32-characters';

export type StackApp =
  | 'sandbox'
  | 'erp-api'
  | 'mes-api'
  | 'wms-api'
  | 'order-release'
  | 'inventory-transfer'
  | 'production-sync'
  | 'reconciliation'
  | 'graphql-api';

/** The same entries, ports and health paths as scripts/start.ts; `portEnv` and `urlEnv` wire them together. */
const ENTRIES: Record<StackApp, { entry: string; portEnv: string; health: string; urlEnv?: string }> = {
  sandbox: { entry: 'apps/sandbox/src/main.ts', portEnv: 'SANDBOX_PORT', health: '/health', urlEnv: 'SANDBOX_URL' },
  'erp-api': { entry: 'apps/system/erp-api/src/main.ts', portEnv: 'ERP_API_PORT', health: '/health/live', urlEnv: 'ERP_API_URL' },
  'mes-api': { entry: 'apps/system/mes-api/src/main.ts', portEnv: 'MES_API_PORT', health: '/health/live', urlEnv: 'MES_API_URL' },
  'wms-api': { entry: 'apps/system/wms-api/src/main.ts', portEnv: 'WMS_API_PORT', health: '/health/live', urlEnv: 'WMS_API_URL' },
  // Before the process apps, which report sync observations to it (RECONCILIATION_API_URL).
  reconciliation: {
    entry: 'apps/process/reconciliation/src/main.ts',
    portEnv: 'RECONCILIATION_PORT',
    health: '/health/live',
    urlEnv: 'RECONCILIATION_API_URL',
  },
  'order-release': {
    entry: 'apps/process/order-release/src/main.ts',
    portEnv: 'ORDER_RELEASE_PORT',
    health: '/health/live',
    urlEnv: 'ORDER_RELEASE_API_URL',
  },
  'inventory-transfer': {
    entry: 'apps/process/inventory-transfer/src/main.ts',
    portEnv: 'INVENTORY_TRANSFER_PORT',
    health: '/health/live',
    urlEnv: 'INVENTORY_TRANSFER_API_URL',
  },
  'production-sync': { entry: 'apps/process/production-sync/src/main.ts', portEnv: 'PRODUCTION_SYNC_PORT', health: '/health/live' },
  'graphql-api': { entry: 'apps/experience/graphql-api/src/main.ts', portEnv: 'GRAPHQL_API_PORT', health: '/health/live' },
};

/** Apps a process or experience app calls; the stack starts them first. */
const NEEDS: Partial<Record<StackApp, StackApp[]>> = {
  'order-release': ['erp-api', 'mes-api', 'wms-api'],
  'inventory-transfer': ['erp-api', 'wms-api'],
  'production-sync': ['erp-api', 'mes-api', 'wms-api'],
  reconciliation: ['erp-api', 'wms-api'],
  'graphql-api': ['erp-api', 'mes-api', 'wms-api', 'order-release', 'inventory-transfer'],
};

/** Everything `npm start` runs. */
export const PLATFORM_APPS = Object.keys(ENTRIES) as StackApp[];

/**
 * The platform as `npm start` runs it — each app its own process from the compiled output in
 * dist/ (what production runs), SQLite in a temp folder, a Redis key prefix of its own — plus
 * baseline servers, all on free ports; `stop()` removes everything.
 */
export class BenchStack {
  readonly dir = mkdtempSync(join(tmpdir(), 'plantsync-bench-'));
  readonly redisPrefix = `bench:${randomBytes(4).toString('hex')}:`;
  private readonly apps = new Map<string, AppProcess>();
  /** URLs of the running apps by env name (SANDBOX_URL, ERP_API_URL…), handed to every later app. */
  private readonly urls: Record<string, string> = {};
  sandboxUrl = '';

  constructor(private readonly opts: { compiled: boolean; env?: NodeJS.ProcessEnv } = { compiled: true }) {}

  async start(names: StackApp[]): Promise<void> {
    if (!this.sandboxUrl) this.sandboxUrl = (await this.startApp('sandbox')).url;
    // Scenarios ask for what they need; an app already running is reused, never started twice.
    for (const name of names) {
      if (name === 'sandbox' || this.apps.has(name)) continue;
      await this.start(NEEDS[name] ?? []);
      if (!this.apps.has(name)) await this.startApp(name);
    }
  }

  app(name: string): AppProcess {
    const app = this.apps.get(name);
    if (!app) throw new Error(`${name} is not running`);
    return app;
  }

  all(): AppProcess[] {
    return [...this.apps.values()];
  }

  /** A baseline server from bench/baselines/<file> (TypeScript through the register hook). */
  async startBaseline(name: string, file: string, env: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
    const existing = this.apps.get(name);
    if (existing) return existing;
    const port = await freePort();
    const app = await startAppProcess({
      name,
      entry: `bench/baselines/${file}`,
      compiled: false,
      port,
      healthPath: '/health',
      env: {
        BARE_PORT: String(port),
        SANDBOX_URL: this.sandboxUrl,
        BENCH_QUEUE_PREFIX: `${this.redisPrefix}bare`,
        DATABASE_SQLITE_PATH: join(this.dir, `${name}.sqlite`),
        ...env,
      },
    });
    this.apps.set(name, app);
    return app;
  }

  /**
   * A second instance of an app, apart from the platform: its own name, database and whatever env
   * it is given (e.g. its own Redis prefix, so its events reach no worker of the platform).
   */
  async startInstance(name: string, app: StackApp, env: NodeJS.ProcessEnv): Promise<AppProcess> {
    return this.apps.get(name) ?? this.startApp(app, name, env);
  }

  /** Stops an extra instance (or a baseline) before the next rows run. */
  async stopInstance(name: string): Promise<void> {
    await this.apps.get(name)?.stop();
    this.apps.delete(name);
  }

  /** The platform's own apps (no baselines, no extra instances): what row 6 measures. */
  platformApps(): AppProcess[] {
    return [...this.apps.values()].filter((a) => (PLATFORM_APPS as string[]).includes(a.name));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map((a) => a.stop()));
    this.apps.clear();
    rmSync(this.dir, { recursive: true, force: true });
    await this.removeRedisKeys();
  }

  /** Queues, jobs and idempotency records of this run: everything under its prefix. */
  private async removeRedisKeys(): Promise<void> {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }

  private async startApp(name: StackApp, instance: string = name, extraEnv: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
    const spec = ENTRIES[name];
    const port = await freePort();
    const app = await startAppProcess({
      name: instance,
      entry: spec.entry,
      compiled: this.opts.compiled,
      port,
      healthPath: spec.health,
      env: {
        ...CREDENTIALS,
        ...this.urls,
        [spec.portEnv]: String(port),
        SANDBOX_DB: join(this.dir, 'sandbox.sqlite'),
        DATABASE_SQLITE_PATH: join(this.dir, `${instance}.sqlite`),
        DATABASE_URL: undefined,
        PLANTSYNC_REDIS_PREFIX: this.redisPrefix,
        PLANTSYNC_SERVICE_API_KEY: SERVICE_KEY,
        PLANTSYNC_API_KEYS_FILE: 'config/api-keys.demo.yaml',
        PORTAL_JWT_SECRET: BENCH_PORTAL_JWT_SECRET,
        // Row 7 starts its own runs; a scheduled run at boot would queue ahead of them.
        RECONCILIATION_SCHEDULE: 'off',
        // Bench traffic is bounded; keep idempotency records short-lived.
        IDEMPOTENCY_TTL_SECONDS: '600',
        ...this.opts.env,
        ...extraEnv,
      },
    });
    this.apps.set(instance, app);
    if (spec.urlEnv && instance === name) this.urls[spec.urlEnv] = app.url;
    return app;
  }
}
