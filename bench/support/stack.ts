import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLandscape } from '@plantsync/landscape';
import { AppProcess, startAppProcess } from './app-process';
import { freePort } from './free-port';

const CREDENTIALS = loadLandscape().credentialsEnv('sandbox-demo-key');

export type StackApp = 'sandbox' | 'erp-api' | 'mes-api' | 'wms-api';

const ENTRIES: Record<StackApp, { entry: string; portEnv: string; health: string }> = {
  sandbox: { entry: 'apps/sandbox/src/main.ts', portEnv: 'SANDBOX_PORT', health: '/health' },
  'erp-api': { entry: 'apps/system/erp-api/src/main.ts', portEnv: 'ERP_API_PORT', health: '/health/live' },
  'mes-api': { entry: 'apps/system/mes-api/src/main.ts', portEnv: 'MES_API_PORT', health: '/health/live' },
  'wms-api': { entry: 'apps/system/wms-api/src/main.ts', portEnv: 'WMS_API_PORT', health: '/health/live' },
};

/**
 * The platform as `npm start` runs it — each app its own process, SQLite in a temp folder, a Redis
 * key prefix of its own — plus baseline servers, all on free ports; `stop()` removes everything.
 */
export class BenchStack {
  readonly dir = mkdtempSync(join(tmpdir(), 'plantsync-bench-'));
  readonly redisPrefix = `bench:${randomBytes(4).toString('hex')}:`;
  private readonly apps = new Map<string, AppProcess>();
  sandboxUrl = '';

  async start(names: StackApp[]): Promise<void> {
    if (!this.sandboxUrl) this.sandboxUrl = (await this.startApp('sandbox')).url;
    // Scenarios ask for what they need; an app already running is reused, never started twice.
    for (const name of names) if (name !== 'sandbox' && !this.apps.has(name)) await this.startApp(name);
  }

  app(name: string): AppProcess {
    const app = this.apps.get(name);
    if (!app) throw new Error(`${name} is not running`);
    return app;
  }

  all(): AppProcess[] {
    return [...this.apps.values()];
  }

  /** A baseline server from bench/baselines/<file>. */
  async startBaseline(name: string, file: string): Promise<AppProcess> {
    const port = await freePort();
    const app = await startAppProcess({
      name,
      entry: `bench/baselines/${file}`,
      port,
      healthPath: '/health',
      env: { BARE_PORT: String(port), SANDBOX_URL: this.sandboxUrl, BENCH_QUEUE_PREFIX: `${this.redisPrefix}bare` },
    });
    this.apps.set(name, app);
    return app;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map((a) => a.stop()));
    this.apps.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async startApp(name: StackApp): Promise<AppProcess> {
    const spec = ENTRIES[name];
    const port = await freePort();
    const app = await startAppProcess({
      name,
      entry: spec.entry,
      port,
      healthPath: spec.health,
      env: {
        ...CREDENTIALS,
        [spec.portEnv]: String(port),
        SANDBOX_URL: this.sandboxUrl,
        SANDBOX_DB: join(this.dir, 'sandbox.sqlite'),
        DATABASE_SQLITE_PATH: join(this.dir, `${name}.sqlite`),
        DATABASE_URL: undefined,
        PLANTSYNC_REDIS_PREFIX: this.redisPrefix,
        // Bench traffic is bounded; keep idempotency records short-lived.
        IDEMPOTENCY_TTL_SECONDS: '600',
      },
    });
    this.apps.set(name, app);
    return app;
  }
}
