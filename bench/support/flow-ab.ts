import type { AbResult, BenchSettings } from './ab-runner';
import type { LoadResult } from './load';
import { spread } from './stats';

/** One run of an end-to-end flow: `units` pushed in, how long until the last one finished, each one's latency. */
export interface FlowRun {
  units: number;
  seconds: number;
  /** Per unit, from its send to its last effect (only for paced runs). */
  latenciesMs: number[];
  /** Units that never finished, or were refused. */
  failures: number;
}

export interface FlowSides {
  /** Pushes `units` into the platform, `ratePerSecond` apart when given (else as fast as it takes them). */
  platform(units: number, ratePerSecond?: number): Promise<FlowRun>;
  /** The bare engine: `units` no-op jobs; answers jobs, not units. */
  baseline(units: number): Promise<FlowRun>;
}

export interface FlowSizes {
  /** Units of the warm-up of each side; the warm-up also sizes the measured runs. */
  warmup: number;
  /** Bounds of a measured run's units (a run aims at `settings.durationSeconds` of work). */
  min: number;
  max: number;
  /** Engine jobs one platform unit costs (e.g. one BullMQ job per saga step). */
  jobsPerUnit: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * The A/B discipline of `runAb` for flows that end in a backend rather than in an HTTP answer:
 * a warm-up of each side, then ≥ 3 alternating pairs (A B A B …). A platform run pushes N units
 * and waits for the last one's effect; a baseline run is N × jobsPerUnit bare engine jobs. The
 * per-pair ratio is the efficiency: units/s × jobs per unit ÷ bare jobs/s. Latency is measured
 * with units paced at 50 % and 80 % of the platform's measured maximum.
 */
export async function runFlowAb(sides: FlowSides, settings: BenchSettings, sizes: FlowSizes): Promise<AbResult> {
  const rate = (r: FlowRun) => r.units / r.seconds;
  const warm = await sides.platform(sizes.warmup);
  const bareWarm = await sides.baseline(Math.round(sizes.warmup * sizes.jobsPerUnit));
  let failures = warm.failures + bareWarm.failures;
  // Aim each run at durationSeconds of work on this machine, bounded so smoke stays tiny.
  const size = (perSecond: number) => Math.max(sizes.min, Math.min(sizes.max, Math.round(perSecond * settings.durationSeconds)));
  const units = size(rate(warm));
  const jobs = Math.max(Math.round(units * sizes.jobsPerUnit), size(rate(bareWarm)));
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < settings.pairs; i++) {
    const pa = await sides.platform(units);
    const pb = await sides.baseline(jobs);
    failures += pa.failures + pb.failures;
    a.push(rate(pa));
    b.push(rate(pb));
    ratios.push((rate(pa) * sizes.jobsPerUnit) / rate(pb));
  }
  const max = spread(a).median;
  const paced = async (fraction: number): Promise<{ result: LoadResult; rate: number }> => {
    const perSecond = Math.max(1, Math.round(max * fraction * 10) / 10);
    const n = Math.max(sizes.min, Math.round(perSecond * settings.durationSeconds));
    const run = await sides.platform(n, perSecond);
    failures += run.failures;
    const sorted = [...run.latenciesMs].sort((x, y) => x - y);
    return {
      rate: perSecond,
      result: { requestsPerSecond: rate(run), p50Ms: Math.round(percentile(sorted, 50)), p99Ms: Math.round(percentile(sorted, 99)), non2xx: 0, errors: run.failures },
    };
  };
  const at50 = await paced(0.5);
  const at80 = await paced(0.8);
  return {
    platform: spread(a),
    baseline: spread(b),
    ratio: spread(ratios),
    latency: { at50: at50.result, at80: at80.result, rate50: at50.rate, rate80: at80.rate },
    failures,
  };
}

/** Calls `send(i)` for i in 0..n-1, paced `ratePerSecond` apart when given, else with `parallel` in flight; returns send instants. */
export async function pushUnits(
  n: number,
  send: (i: number) => Promise<void>,
  opts: { ratePerSecond?: number; parallel?: number } = {},
): Promise<number[]> {
  const sentAt: number[] = new Array<number>(n);
  if (opts.ratePerSecond) {
    const start = Date.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const due = start + (i * 1000) / opts.ratePerSecond;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      sentAt[i] = Date.now();
      pending.push(send(i));
    }
    await Promise.all(pending);
    return sentAt;
  }
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      sentAt[i] = Date.now();
      await send(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, opts.parallel ?? 8) }, lane));
  return sentAt;
}

/** Polls `read` until it reaches `target` or stops moving for `stallMs`; returns the last value. */
export async function waitFor(read: () => Promise<number>, target: number, stallMs = 30_000): Promise<number> {
  let last = -1;
  let movedAt = Date.now();
  for (;;) {
    const value = await read();
    if (value >= target) return value;
    if (value !== last) {
      last = value;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > stallMs) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Wraps a platform side so it also sums the CPU every process of the stack used per unit pushed:
 * on a shared 2-core machine, that sum bounds the units per second, and says where to look first.
 */
export function withCpuPerUnit(
  platform: FlowSides['platform'],
  processes: () => Array<{ name: string; cpuSeconds(): number }>,
): { platform: FlowSides['platform']; report(): string } {
  const used = new Map<string, number>();
  let units = 0;
  return {
    async platform(n, rate) {
      const before = new Map(processes().map((p) => [p.name, p.cpuSeconds()]));
      const run = await platform(n, rate);
      for (const p of processes()) used.set(p.name, (used.get(p.name) ?? 0) + p.cpuSeconds() - (before.get(p.name) ?? p.cpuSeconds()));
      units += n;
      return run;
    },
    report() {
      const rows = [...used].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]);
      const total = rows.reduce((sum, [, s]) => sum + s, 0);
      const ms = (s: number) => ((s * 1000) / Math.max(1, units)).toFixed(1);
      return `CPU ms per unit ${ms(total)}: ${rows.map(([name, s]) => `${name} ${ms(s)}`).join(', ')}`;
    },
  };
}
