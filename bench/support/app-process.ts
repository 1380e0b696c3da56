import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_RUNTIME_FLAGS } from '../../scripts/app-runtime-flags';

const ROOT = join(__dirname, '../..');

export interface AppProcess {
  name: string;
  url: string;
  pid: number;
  /** Resident set size in MB, read from /proc (Linux). */
  rssMb(): number;
  /**
   * Proportional set size in MB (/proc/<pid>/smaps_rollup): resident memory with every page shared
   * with other processes divided among them. Summed over processes it is what they use together;
   * summed RSS counts the node binary's shared pages (~50 MB) once per process.
   */
  pssMb(): number;
  /** CPU time (user + system) the process has used so far, in seconds, from /proc (Linux). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * Starts an entry point as its own process, as `npm start` does, and waits until its health URL
 * answers. Output is discarded unless BENCH_VERBOSE is set.
 */
export async function startAppProcess(opts: {
  name: string;
  /** TypeScript entry, e.g. apps/sandbox/src/main.ts. */
  entry: string;
  /** Run dist/<entry>.js (built by `npm run build`) instead of the TypeScript through @swc-node/register. */
  compiled: boolean;
  port: number;
  healthPath: string;
  env: NodeJS.ProcessEnv;
}): Promise<AppProcess> {
  // An `undefined` in opts.env removes the variable (e.g. DATABASE_URL, to keep SQLite).
  const env = Object.fromEntries(
    Object.entries({ ...process.env, LOG_LEVEL: 'silent', ...opts.env }).filter(([, v]) => v !== undefined),
  );
  // BENCH_CPU_PROF=graphql-api,erp-api writes V8 CPU profiles of those apps to var/profiles/ when they stop.
  const profile = (process.env.BENCH_CPU_PROF ?? '').split(',').includes(opts.name)
    ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'var/profiles')}`, `--cpu-prof-name=${opts.name}-${Date.now()}.cpuprofile`]
    : [];
  const args = opts.compiled
    ? [...APP_RUNTIME_FLAGS, ...profile, join(ROOT, 'dist', opts.entry.replace(/\.ts$/, '.js'))]
    : [...APP_RUNTIME_FLAGS, ...profile, '-r', '@swc-node/register', join(ROOT, opts.entry)];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: process.env.BENCH_VERBOSE ? 'inherit' : 'ignore',
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${opts.name} exited with ${child.exitCode} during start`);
    try {
      if ((await fetch(url + opts.healthPath, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} did not answer ${url}${opts.healthPath} within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name: opts.name,
    url,
    pid: child.pid!,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    pssMb() {
      const rollup = readFileSync(`/proc/${child.pid}/smaps_rollup`, 'utf8');
      const kb = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? NaN);
      return kb / 1024;
    },
    cpuSeconds() {
      // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name, in clock ticks (100/s on Linux).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
