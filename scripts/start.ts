/**
 * `npm start`: the whole platform on one machine — the sandbox (simulated ERP, MES and WMS for every
 * plant) and the system APIs, each in its own process as in production, with SQLite under var/
 * and a local Redis. Prints every URL and the demo API keys; Ctrl-C stops everything.
 * `npm start` compiles to dist/ first and runs this file from there, so every app runs the
 * compiled JavaScript production runs (less memory than the register hook, docs/performance.md);
 * `npm run start:source` runs everything from TypeScript through @swc-node/register instead.
 */
import 'reflect-metadata';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadLandscape } from '@plantsync/landscape';
import { APP_RUNTIME_FLAGS } from './app-runtime-flags';
import { Redis } from 'ioredis';
import { parse } from 'yaml';

interface AppSpec {
  name: string;
  entry: string;
  port: number;
  portEnv: string;
  healthPath: string;
}

const HOST = '127.0.0.1';
const APPS: AppSpec[] = [
  { name: 'sandbox', entry: 'apps/sandbox/src/main.ts', port: 4010, portEnv: 'SANDBOX_PORT', healthPath: '/health' },
  { name: 'erp-api', entry: 'apps/system/erp-api/src/main.ts', port: 3001, portEnv: 'ERP_API_PORT', healthPath: '/health/live' },
  { name: 'mes-api', entry: 'apps/system/mes-api/src/main.ts', port: 3002, portEnv: 'MES_API_PORT', healthPath: '/health/live' },
  { name: 'wms-api', entry: 'apps/system/wms-api/src/main.ts', port: 3003, portEnv: 'WMS_API_PORT', healthPath: '/health/live' },
  { name: 'order-release', entry: 'apps/process/order-release/src/main.ts', port: 3101, portEnv: 'ORDER_RELEASE_PORT', healthPath: '/health/live' },
  { name: 'inventory-transfer', entry: 'apps/process/inventory-transfer/src/main.ts', port: 3102, portEnv: 'INVENTORY_TRANSFER_PORT', healthPath: '/health/live' },
  { name: 'production-sync', entry: 'apps/process/production-sync/src/main.ts', port: 3103, portEnv: 'PRODUCTION_SYNC_PORT', healthPath: '/health/live' },
  { name: 'reconciliation', entry: 'apps/process/reconciliation/src/main.ts', port: 3104, portEnv: 'RECONCILIATION_PORT', healthPath: '/health/live' },
  { name: 'graphql-api', entry: 'apps/experience/graphql-api/src/main.ts', port: 3200, portEnv: 'GRAPHQL_API_PORT', healthPath: '/health/live' },
];

const children = new Map<string, ChildProcess>();
let redisChild: ChildProcess | undefined;
let stopping = false;

function portOf(app: AppSpec): number {
  return Number(process.env[app.portEnv] ?? app.port);
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Uses the Redis at REDIS_URL; if none answers, starts a local redis-server when one is installed. */
async function ensureRedis(): Promise<string> {
  const url = process.env.REDIS_URL ?? `redis://${HOST}:6379`;
  if (await redisAnswers(url)) return url;
  const hasBinary = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasBinary) {
    console.error(
      `No Redis answers at ${url} and no redis-server is installed.\n` +
        'Install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis),\n' +
        'or point REDIS_URL at a running Redis, then run npm start again.',
    );
    process.exit(1);
  }
  const port = Number(new URL(url).port || 6379);
  mkdirSync('var/redis', { recursive: true });
  // Local use only: keep jobs across restarts (AOF) and never evict queue keys.
  redisChild = spawn(
    'redis-server',
    ['--port', String(port), '--bind', HOST, '--dir', 'var/redis', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(url)) {
      console.log(`started a local redis-server on port ${port} (data in var/redis)`);
      return url;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  console.error(`started redis-server on port ${port} but it does not answer`);
  await shutdown(1);
  return url;
}

function pipeWithPrefix(name: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream): void {
  if (!stream) return;
  const rl = createInterface({ input: stream });
  rl.on('line', (line) => out.write(`[${name}] ${line}\n`));
}

/** Run from dist/scripts/start.js: start the compiled apps beside it; from TypeScript: the sources. */
const COMPILED = __filename.endsWith('.js');

function startApp(app: AppSpec, env: NodeJS.ProcessEnv): void {
  const args = [
    ...APP_RUNTIME_FLAGS,
    ...(COMPILED ? [`dist/${app.entry.replace(/\.ts$/, '.js')}`] : ['-r', '@swc-node/register', app.entry]),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...env, [app.portEnv]: String(portOf(app)) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeWithPrefix(app.name, child.stdout, process.stdout);
  pipeWithPrefix(app.name, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(app.name);
    if (!stopping) {
      console.error(`${app.name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the platform`);
      void shutdown(1);
    }
  });
  children.set(app.name, child);
}

async function waitHealthy(app: AppSpec, timeoutMs = 60_000): Promise<void> {
  const url = `http://${HOST}:${portOf(app)}${app.healthPath}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${app.name} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

function demoKeys(): Array<{ id: string; key: string; scopes: string[] }> {
  const file = process.env.PLANTSYNC_API_KEYS_FILE ?? 'config/api-keys.demo.yaml';
  try {
    const doc = parse(readFileSync(file, 'utf8')) as { keys?: Array<{ id: string; key?: string; scopes: string[] }> };
    return (doc.keys ?? []).filter((k): k is { id: string; key: string; scopes: string[] } => typeof k.key === 'string');
  } catch {
    return [];
  }
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exits = [...children.values()].map(
    (child) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  await Promise.all(exits);
  if (redisChild && redisChild.exitCode === null) {
    await new Promise<void>((resolve) => {
      redisChild!.once('exit', () => resolve());
      redisChild!.kill('SIGTERM');
    });
  }
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  mkdirSync('var', { recursive: true });

  const redisUrl = await ensureRedis();
  const sandboxUrl = `http://${HOST}:${portOf(APPS[0])}`;
  const mesApiUrl = `http://${HOST}:${portOf(APPS[2])}`;
  // Every credential the landscape names; the sandbox accepts any non-empty value.
  const credentials = Object.fromEntries(
    loadLandscape({ ...process.env, SANDBOX_URL: sandboxUrl })
      .credentialEnvNames()
      .map((name) => [name, process.env[name] ?? 'sandbox-demo-key']),
  );
  const env: NodeJS.ProcessEnv = {
    ...credentials,
    LOG_LEVEL: 'warn',
    // The process and experience apps call the system APIs with the demo service key locally.
    PLANTSYNC_SERVICE_API_KEY: demoKeys().find((k) => k.scopes.includes('service'))?.key,
    ...process.env,
    REDIS_URL: redisUrl,
    SANDBOX_URL: process.env.SANDBOX_URL ?? sandboxUrl,
    SANDBOX_MES_REPORT_URL: process.env.SANDBOX_MES_REPORT_URL ?? mesApiUrl,
    // Where the experience (and process) apps reach the system APIs, following any port override.
    ERP_API_URL: process.env.ERP_API_URL ?? `http://${HOST}:${portOf(APPS[1])}`,
    MES_API_URL: process.env.MES_API_URL ?? mesApiUrl,
    WMS_API_URL: process.env.WMS_API_URL ?? `http://${HOST}:${portOf(APPS[3])}`,
    // Where the graphql-api reaches the process APIs.
    ORDER_RELEASE_API_URL: process.env.ORDER_RELEASE_API_URL ?? `http://${HOST}:${portOf(APPS[4])}`,
    INVENTORY_TRANSFER_API_URL: process.env.INVENTORY_TRANSFER_API_URL ?? `http://${HOST}:${portOf(APPS[5])}`,
    PRODUCTION_SYNC_API_URL: process.env.PRODUCTION_SYNC_API_URL ?? `http://${HOST}:${portOf(APPS[6])}`,
    // Where the process apps report sync observations (sync health).
    RECONCILIATION_API_URL: process.env.RECONCILIATION_API_URL ?? `http://${HOST}:${portOf(APPS[7])}`,
  };

  // The sandbox first: the system APIs check their backends when they become ready.
  startApp(APPS[0], env);
  await waitHealthy(APPS[0]);
  for (const app of APPS.slice(1)) startApp(app, env);
  await Promise.all(APPS.slice(1).map((app) => waitHealthy(app)));
  if (stopping) return;

  const lines = [
    '',
    'Plantsync is running.',
    '',
    ...APPS.map((app) => {
      const base = `http://${HOST}:${portOf(app)}`;
      return app.name === 'sandbox'
        ? `  ${app.name.padEnd(18)} ${base}   (ledger: ${base}/admin/ledger, faults: ${base}/admin/faults)`
        : app.name === 'graphql-api'
          ? `  ${app.name.padEnd(18)} ${base}/graphql   (examples: docs/graphql.md)`
          : `  ${app.name.padEnd(18)} ${base}   (OpenAPI: ${base}/docs)`;
    }),
    '',
    'Demo API keys (header X-API-Key):',
    ...demoKeys().map((k) => `  ${k.id.padEnd(18)} ${k.key.padEnd(30)} ${k.scopes.join(', ')}`),
    '',
    `Try: curl -H 'X-API-Key: ${demoKeys().find((k) => k.scopes.includes('planner'))?.key ?? '<planner key>'}' '${`http://${HOST}:${portOf(APPS[1])}`}/v1/plants/P200/production-orders?status=released'`,
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
}

main().catch(async (e: unknown) => {
  console.error((e as Error).message);
  await shutdown(1);
});
