import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, redisTestPrefix, type TestDatabase } from '@plantsync/testing';
import { DEMO_KEYS, sandboxCredentialsEnv } from '../../support/demo-keys';
import { apiClient, type ApiRequestOptions, type ApiResponse } from '../../support/http-client';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { makeTempDir } from '../../support/temp-dir';
import { AppProcess, REPO_ROOT, baseEnv } from './app-process';
import { freePort } from './free-port';
import { RedisServer } from './redis-server.harness';

export type ProcessAppName = 'order-release' | 'inventory-transfer' | 'production-sync';
export type ProcessRole = 'api' | 'worker' | 'all';

interface AppEntry {
  entry: string;
  portEnv: string;
  roleEnv?: string;
}

const SYSTEM_APIS = {
  erp: { entry: 'apps/system/erp-api/src/main.ts', portEnv: 'ERP_API_PORT' },
  mes: { entry: 'apps/system/mes-api/src/main.ts', portEnv: 'MES_API_PORT' },
  wms: { entry: 'apps/system/wms-api/src/main.ts', portEnv: 'WMS_API_PORT' },
} satisfies Record<string, AppEntry>;

export const PROCESS_APPS: Record<ProcessAppName, Required<AppEntry>> = {
  'order-release': {
    entry: 'apps/process/order-release/src/main.ts',
    portEnv: 'ORDER_RELEASE_PORT',
    roleEnv: 'ORDER_RELEASE_ROLE',
  },
  'inventory-transfer': {
    entry: 'apps/process/inventory-transfer/src/main.ts',
    portEnv: 'INVENTORY_TRANSFER_PORT',
    roleEnv: 'INVENTORY_TRANSFER_ROLE',
  },
  'production-sync': {
    entry: 'apps/process/production-sync/src/main.ts',
    portEnv: 'PRODUCTION_SYNC_PORT',
    roleEnv: 'PRODUCTION_SYNC_ROLE',
  },
};

export interface FaultPlatformOptions {
  /** Names the Redis prefix and temp folder, e.g. 'faults-worker-crash'. */
  name: string;
  /**
   * 'own': a redis-server of this test file's own (needed to restart it); 'shared': the shared
   * REDIS_URL with a private key prefix.
   */
  redis?: 'own' | 'shared';
  /** Database of each process app (its API and worker processes share it). */
  database?: 'sqlite' | 'postgres';
  /** Extra env for every process-app process (retry settings, timeouts, …). */
  processEnv?: Record<string, string>;
  /** Extra env for the three system APIs. */
  systemApiEnv?: Record<string, string>;
}

export interface StartProcessOptions {
  role: ProcessRole;
  /** Distinguishes several processes of one app and role in logs ('worker-2'). */
  instance?: string;
  env?: Record<string, string>;
}

/**
 * A whole platform for one fault test file: the sandbox (in the test process; it stands in for the
 * plants' own products, it is not ours to crash), the three system APIs and the process apps each as
 * a real OS process, one Redis (shared with a private prefix, or a redis-server of its own), one
 * database per process app. `close()` stops and removes everything, also after a failed test.
 */
export class FaultPlatform {
  readonly processes: AppProcess[] = [];
  private readonly databases = new Map<ProcessAppName, TestDatabase>();
  private readonly cleanups: Array<() => Promise<void> | void> = [];
  private systemUrls: Record<keyof typeof SYSTEM_APIS, string> = { erp: '', mes: '', wms: '' };
  sandbox!: SandboxHarness;
  redis: RedisServer | undefined;
  redisUrl = '';
  redisPrefix = '';
  dir = '';
  logDir = '';

  private constructor(private readonly options: FaultPlatformOptions) {}

  static async start(options: FaultPlatformOptions): Promise<FaultPlatform> {
    const platform = new FaultPlatform(options);
    try {
      await platform.boot();
    } catch (error) {
      await platform.close();
      throw error;
    }
    return platform;
  }

  private async boot(): Promise<void> {
    const temp = makeTempDir(this.options.name);
    this.dir = temp.dir;
    this.logDir = join(temp.dir, 'logs');
    mkdirSync(this.logDir);
    // Logs stay for a post-mortem when FAULT_TESTS_KEEP=1.
    this.cleanups.push(() =>
      process.env.FAULT_TESTS_KEEP === '1'
        ? console.warn(`fault test files kept in ${temp.dir}`)
        : temp.cleanup(),
    );

    const prefix = redisTestPrefix(this.options.name);
    this.redisPrefix = prefix.prefix;
    if (this.options.redis === 'own') {
      this.redis = await RedisServer.start(join(temp.dir, 'redis'));
      this.redisUrl = this.redis.url;
      this.cleanups.push(() => this.redis?.close());
    } else {
      this.redisUrl = prefix.env.REDIS_URL!;
      this.cleanups.push(() => prefix.cleanup());
    }

    this.sandbox = await startSandbox();
    this.cleanups.push(() => this.sandbox.close());

    const apis = await Promise.all(
      (Object.keys(SYSTEM_APIS) as Array<keyof typeof SYSTEM_APIS>).map(async (kind) => {
        const spec = SYSTEM_APIS[kind];
        const port = await freePort();
        const proc = this.spawn(
          `${kind}-api`,
          spec.entry,
          {
            ...this.commonEnv(),
            ...sandboxCredentialsEnv(),
            SANDBOX_URL: this.sandbox.url,
            LOG_LEVEL: 'warn',
            DATABASE_SQLITE_PATH: join(this.dir, `${kind}-api.sqlite`),
            [spec.portEnv]: String(port),
            ...this.options.systemApiEnv,
          },
          `http://127.0.0.1:${port}`,
        );
        return [kind, proc] as const;
      }),
    );
    await Promise.all(apis.map(([, proc]) => proc.waitHealthy()));
    for (const [kind, proc] of apis) this.systemUrls[kind] = proc.url!;
  }

  /** Env every Plantsync process gets: Redis, API keys, correlation of logs. */
  private commonEnv(): Record<string, string> {
    return {
      ...baseEnv(),
      REDIS_URL: this.redisUrl,
      PLANTSYNC_REDIS_PREFIX: this.redisPrefix,
      PLANTSYNC_API_KEYS_FILE: join(REPO_ROOT, 'config/api-keys.demo.yaml'),
      HOST: '127.0.0.1',
    };
  }

  /** Base URL of a system API process ('mes' to report production as a plant's MES does). */
  systemUrl(kind: keyof typeof SYSTEM_APIS): string {
    return this.systemUrls[kind];
  }

  /** The DATABASE_* env of a process app's database, e.g. to read its outbox in an assertion. */
  databaseEnv(app: ProcessAppName): Record<string, string> {
    return { ...this.database(app).env };
  }

  private database(app: ProcessAppName): TestDatabase {
    let db = this.databases.get(app);
    if (!db) {
      db = createTestDatabase(this.options.database ?? 'sqlite');
      this.databases.set(app, db);
      const owned = db;
      this.cleanups.push(() => owned.cleanup());
    }
    return db;
  }

  private spawn(
    name: string,
    entry: string,
    env: Record<string, string>,
    url?: string,
  ): AppProcess {
    const proc = AppProcess.start({ name, entry, env, url, logDir: this.logDir });
    this.processes.push(proc);
    return proc;
  }

  /**
   * Starts one process of a process app in a role, on a free port (a worker gets one too; it
   * serves health when the app listens in that role). Does not wait: call `ready(proc)`.
   */
  async startProcess(
    app: ProcessAppName,
    { role, instance, env }: StartProcessOptions,
  ): Promise<AppProcess> {
    const spec = PROCESS_APPS[app];
    const port = await freePort();
    const count = this.processes.filter((p) => p.name.startsWith(`${app}-${role}`)).length;
    const name = `${app}-${role}-${instance ?? count + 1}`;
    return this.spawn(
      name,
      spec.entry,
      {
        ...this.commonEnv(),
        LOG_LEVEL: 'info',
        ERP_API_URL: this.systemUrls.erp,
        MES_API_URL: this.systemUrls.mes,
        WMS_API_URL: this.systemUrls.wms,
        // Sync observations go nowhere (best-effort): never to a reconciliation running on this machine.
        RECONCILIATION_API_URL: 'http://127.0.0.1:9',
        PLANTSYNC_SERVICE_API_KEY: DEMO_KEYS.service,
        ...this.database(app).env,
        [spec.portEnv]: String(port),
        [spec.roleEnv]: role,
        ...this.options.processEnv,
        ...env,
      },
      `http://127.0.0.1:${port}`,
    );
  }

  /**
   * An API process and a worker process of one app, healthy. The API starts first: both run the
   * app's migrations at boot, and two processes migrating one fresh database at once collide.
   */
  async startApp(
    app: ProcessAppName,
    env?: Record<string, string>,
  ): Promise<{ api: AppProcess; worker: AppProcess }> {
    const api = await this.startProcess(app, { role: 'api', env });
    await api.waitHealthy();
    const worker = await this.startProcess(app, { role: 'worker', env });
    await worker.waitForLog(/worker running/);
    return { api, worker };
  }

  /** An HTTP client for a process app's API process. */
  client(proc: AppProcess) {
    const request = apiClient(proc.url!);
    return <T = any>(
      method: string,
      path: string,
      opts?: ApiRequestOptions,
    ): Promise<ApiResponse<T>> => request<T>(method, path, opts);
  }

  /** Stops every process (SIGTERM, then SIGKILL), the sandbox, Redis; drops databases and files. */
  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop(5_000).catch(() => undefined)));
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.warn(`fault platform cleanup: ${(error as Error).message}`);
      }
    }
    this.cleanups.length = 0;
  }
}
