import { LoadResult, LoadTarget, runLoad } from './load';
import { Spread, spread } from './stats';

export interface BenchSettings {
  smoke: boolean;
  pairs: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
}

export const FULL: BenchSettings = { smoke: false, pairs: 3, durationSeconds: 10, warmupSeconds: 3, connections: 32 };
export const SMOKE: BenchSettings = { smoke: true, pairs: 1, durationSeconds: 1, warmupSeconds: 1, connections: 4 };

export interface AbResult {
  /** Units (requests, messages) per second: platform, baseline, and per-pair ratios. */
  platform: Spread;
  baseline: Spread;
  ratio: Spread;
  /** Platform latency at a fixed rate of 50 % and 80 % of its measured maximum. */
  latency: { at50: LoadResult; at80: LoadResult; rate50: number; rate80: number };
  failures: number;
}

/**
 * Alternates platform and baseline runs (A B A B …) after a warm-up of each, so drift in a noisy
 * shared machine hits both sides alike; each pair also yields a ratio. `unitsPerRequest` turns
 * requests into messages for batch endpoints.
 */
export async function runAb(
  platform: LoadTarget,
  baseline: LoadTarget,
  settings: BenchSettings,
  unitsPerRequest = 1,
  /** Called before every run: waits for work the platform does after answering (see settle.ts). */
  settleFirst: () => Promise<unknown> = async () => undefined,
): Promise<AbResult> {
  const saturate = async (t: LoadTarget, seconds: number) => {
    await settleFirst();
    return runLoad(t, { durationSeconds: seconds, connections: settings.connections });
  };
  await saturate(platform, settings.warmupSeconds);
  await saturate(baseline, settings.warmupSeconds);
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  let failures = 0;
  for (let i = 0; i < settings.pairs; i++) {
    const pa = await saturate(platform, settings.durationSeconds);
    const pb = await saturate(baseline, settings.durationSeconds);
    failures += pa.non2xx + pa.errors + pb.non2xx + pb.errors;
    a.push(pa.requestsPerSecond * unitsPerRequest);
    b.push(pb.requestsPerSecond * unitsPerRequest);
    ratios.push(pa.requestsPerSecond / pb.requestsPerSecond);
  }
  const max = spread(a).median / unitsPerRequest;
  const rate50 = Math.max(1, Math.round(max * 0.5));
  const rate80 = Math.max(1, Math.round(max * 0.8));
  const fixed = async (rate: number) => {
    await settleFirst();
    return runLoad(platform, { durationSeconds: settings.durationSeconds, connections: settings.connections, rate });
  };
  const at50 = await fixed(rate50);
  const at80 = await fixed(rate80);
  failures += at50.non2xx + at50.errors + at80.non2xx + at80.errors;
  return { platform: spread(a), baseline: spread(b), ratio: spread(ratios), latency: { at50, at80, rate50, rate80 }, failures };
}
