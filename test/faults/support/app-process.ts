import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { GiveUp, settlesWithin, waitUntil } from './bounded-wait';

export const REPO_ROOT = join(__dirname, '../../..');

export interface AppProcessSpec {
  /** Shown in errors and used for the log file name, e.g. 'order-release-worker-2'. */
  name: string;
  /** Entry file relative to the repo root, run like `npm start` does: `node -r @swc-node/register <entry>`. */
  entry: string;
  /** The whole environment of the child (nothing is inherited but PATH/HOME, see `baseEnv`). */
  env: Record<string, string>;
  /** Base URL when the process serves HTTP (undefined for a worker that does not listen). */
  url?: string;
  /** Folder for `<name>.log` (stdout and stderr, as they came). */
  logDir: string;
}

/** Lines kept in memory per process; the log file keeps everything. */
const MAX_LINES = 20_000;

/** Every child this test file started and that has not exited: killed if the test runner exits first. */
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/** The only variables a child inherits from the test runner: no DATABASE_URL or REDIS_URL leaks in. */
export function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SYSTEMROOT'];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
}

/**
 * One app running as a real OS process, as in production: its own pid, its own event loop, killed
 * with real signals. Output goes to a log file and a bounded in-memory buffer for assertions.
 */
export class AppProcess {
  readonly name: string;
  readonly url: string | undefined;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private readonly logFile: WriteStream;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(readonly spec: AppProcessSpec) {
    this.name = spec.name;
    this.url = spec.url;
    this.logFile = createWriteStream(join(spec.logDir, `${spec.name}.log`), { flags: 'a' });
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', spec.entry], {
      cwd: REPO_ROOT,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    alive.add(this.child);
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.logFile.write(line + '\n');
        this.lines.push(line);
        if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        alive.delete(this.child);
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
  }

  static start(spec: AppProcessSpec): AppProcess {
    return new AppProcess(spec);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** Every line the process wrote so far (bounded), stdout and stderr interleaved as received. */
  output(): readonly string[] {
    return this.lines;
  }

  tail(count = 40): string {
    return this.lines.slice(-count).join('\n');
  }

  /** Waits for `GET <url><path>` to answer 2xx; fails at once, with the log tail, if the process dies. */
  async waitHealthy(path = '/health/live', timeoutMs = 60_000): Promise<void> {
    if (!this.url) throw new Error(`${this.name} does not serve HTTP`);
    await this.waitFor(`${this.name} healthy at ${path}`, timeoutMs, async () => {
      const res = await fetch(this.url + path, { signal: AbortSignal.timeout(1000) });
      return res.ok;
    });
  }

  /** Waits for a line of output matching `pattern` (e.g. a worker's "processing queue" log). */
  async waitForLog(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    return this.waitFor(`${this.name} to log ${pattern}`, timeoutMs, () =>
      this.lines.find((l) => pattern.test(l)),
    );
  }

  /** SIGKILL: no shutdown hook runs, active jobs keep their (now orphaned) locks — a crash. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exitedWithin(10_000);
  }

  /** SIGTERM, then SIGKILL after `graceMs` — what `npm start` and container runtimes do. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    if (await this.exitedWithin(graceMs)) return;
    this.child.kill('SIGKILL');
    await this.exitedWithin(5_000);
  }

  private async exitedWithin(ms: number): Promise<boolean> {
    const done = await settlesWithin(this.exited, ms);
    if (done) await new Promise<void>((resolve) => this.logFile.end(resolve));
    return done;
  }

  private async waitFor<T>(
    what: string,
    timeoutMs: number,
    probe: () => Promise<T | undefined | false> | T | undefined | false,
  ): Promise<T> {
    try {
      return await waitUntil(
        what,
        async () => {
          if (!this.running)
            throw new GiveUp(
              `${this.name} exited (${this.exitInfo?.signal ?? `code ${this.exitInfo?.code}`})`,
            );
          return probe();
        },
        { timeoutMs, intervalMs: 250 },
      );
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n--- last output of ${this.name} (pid ${this.pid}) ---\n${this.tail()}`,
        { cause: error },
      );
    }
  }
}
