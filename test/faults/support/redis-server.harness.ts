import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { GiveUp, settlesWithin, sleep, waitUntil } from './bounded-wait';
import { freePort } from './free-port';

const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/**
 * A redis-server of the test's own, on a free port with its own data folder — never the shared
 * 127.0.0.1:6379 that other test files use at the same time. Configured as production should be
 * (AOF on, `noeviction`), so a restart keeps every queued job.
 */
export class RedisServer {
  private child: ChildProcess | undefined;
  private lastOutput: string[] = [];

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(dir: string): Promise<RedisServer> {
    mkdirSync(dir, { recursive: true });
    const server = new RedisServer(await freePort(), dir);
    await server.launch();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /** Graceful stop (SIGTERM): Redis fsyncs the AOF and exits, like `systemctl restart redis`. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Crash (SIGKILL): only what `appendfsync everysec` already wrote survives. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Stops the server, keeps it down for `downMs`, and starts it again on the same port and data folder. */
  async restart({
    downMs = 0,
    crash = false,
  }: { downMs?: number; crash?: boolean } = {}): Promise<void> {
    await (crash ? this.kill() : this.stop());
    if (downMs > 0) await sleep(downMs);
    await this.launch();
  }

  /** A short-lived client for inspecting keys; the caller disconnects it. */
  client(): Redis {
    const client = new Redis(this.url, { maxRetriesPerRequest: 1, lazyConnect: true });
    client.on('error', () => undefined);
    return client;
  }

  async close(): Promise<void> {
    await this.kill();
  }

  private async launch(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--maxmemory-policy',
        'noeviction',
        '--logfile',
        join(this.dir, 'redis.log'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    alive.add(child);
    child.once('exit', () => alive.delete(child));
    child.stderr?.on('data', (d: Buffer) => this.lastOutput.push(d.toString()));
    await waitUntil(
      `redis-server on port ${this.port}`,
      async () => {
        if (child.exitCode !== null)
          throw new GiveUp(`redis-server exited ${child.exitCode}: ${this.lastOutput.join('')}`);
        const probe = new Redis(this.url, {
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
          connectTimeout: 500,
        });
        probe.on('error', () => undefined);
        try {
          await probe.connect();
          // LOADING while the AOF is replayed: wait for a real PONG.
          return (await probe.ping()) === 'PONG';
        } finally {
          probe.disconnect();
        }
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    if (await settlesWithin(exited, 10_000)) return;
    child.kill('SIGKILL');
    await settlesWithin(exited, 5_000);
  }
}
