import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { BenchSettings } from '../support/ab-runner';
import { spread, type Spread } from '../support/stats';
import type { Scenario } from './scenario';

const PLANNER_KEY = 'ps_demo_planner_7b2e44';
const PLANT = 'P100';

/**
 * Balances per run: 10k, 100k and 1M, the sizes the target names (seeding and reading a million
 * balances takes a few minutes; BENCH_RECON_SIZES=10000,100000 skips it). Smoke runs two tiny sizes.
 */
function sizes(settings: BenchSettings): number[] {
  if (settings.smoke) return [200, 2000];
  const env = process.env.BENCH_RECON_SIZES;
  return env ? env.split(',').map(Number) : [10_000, 100_000, 1_000_000];
}

interface RunView {
  id: string;
  status: string;
  error: string | null;
  counts: { erpBalances: number; wmsBalances: number; matched: number; differences: number } | null;
  startedAt: string;
  finishedAt: string | null;
}

/**
 * Row 7: one plant's inventory reconciliation (ERP vs WMS, both from the system APIs, streamed
 * and merged) over N identical balances written by the sandbox (`/admin/stock-landscape`), so the
 * run reads everything and finds nothing. Time from the run's start to its end, as the app records
 * them. Linear growth means t(1M) ≤ 12 × t(100k). A run longer than BENCH_RECON_MAX_SECONDS
 * (default 1200) is left unfinished and reported as such.
 */
export const reconciliationScenario: Scenario = {
  id: '7',
  title: 'reconciliation: one plant, ERP vs WMS',
  async run(stack, settings) {
    await stack.start(['reconciliation']);
    const api = `${stack.app('reconciliation').url}/v1/reconciliation-runs`;
    const headers = { 'content-type': 'application/json', 'x-api-key': PLANNER_KEY };
    const maxSeconds = Number(process.env.BENCH_RECON_MAX_SECONDS ?? 1200);
    const figures: Record<string, string> = {};
    const medians = new Map<number, Spread>();
    let failures = 0;
    // Where the time goes: CPU seconds per process over the largest size's last run.
    let cpu = '';
    const cpuNow = () => new Map(stack.platformApps().map((a) => [a.name, a.cpuSeconds()]));

    const once = async (balances: number): Promise<number | undefined> => {
      const started = await fetch(api, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `bench-${randomBytes(6).toString('hex')}` },
        body: JSON.stringify({ domain: 'inventory', plant: PLANT }),
      });
      if (started.status !== 202) throw new Error(`reconciliation answered ${started.status}: ${await started.text()}`);
      const { id } = (await started.json()) as RunView;
      const deadline = Date.now() + maxSeconds * 1000;
      for (;;) {
        const run = (await (await fetch(`${api}/${id}`, { headers })).json()) as RunView;
        if (run.status === 'completed' || run.status === 'failed') {
          const clean = run.status === 'completed' && run.counts?.matched === balances && run.counts.differences === 0;
          if (!clean) {
            failures++;
            console.error(`reconciliation of ${balances} balances: ${run.status} ${run.error ?? JSON.stringify(run.counts)}`);
            return undefined;
          }
          return (Date.parse(run.finishedAt!) - Date.parse(run.startedAt)) / 1000;
        }
        if (Date.now() > deadline) return undefined;
        await new Promise((r) => setTimeout(r, balances >= 100_000 ? 1000 : 100));
      }
    };

    for (const balances of sizes(settings)) {
      const seedStarted = Date.now();
      const seed = await postSlowly(`${stack.sandboxUrl}/admin/stock-landscape`, { plant: PLANT, balances, replace: true }, 1_800_000);
      if (seed.status !== 200) throw new Error(`seeding ${balances} balances: ${seed.status} ${seed.text}`);
      figures[`${balances >= 1_000_000 ? `${balances / 1_000_000}M` : `${balances / 1000}k`} seeding`] = `${((Date.now() - seedStarted) / 1000).toFixed(0)} s`;
      // Small sizes repeat (median with min–max); a long run once.
      const repeats = balances <= 10_000 ? settings.pairs : 1;
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const before = cpuNow();
        const seconds = await once(balances);
        if (seconds === undefined) break;
        times.push(seconds);
        const used = [...cpuNow()].map(([name, total]) => [name, total - (before.get(name) ?? total)] as const);
        cpu = `CPU s during one ${balances}-balance run: ${used
          .filter(([, t]) => t >= 0.05)
          .sort((a, b) => b[1] - a[1])
          .map(([name, t]) => `${name} ${t.toFixed(1)}`)
          .join(', ')}`;
      }
      const label = balances >= 1_000_000 ? `${balances / 1_000_000}M` : balances >= 1000 ? `${balances / 1000}k` : String(balances);
      if (times.length === 0) {
        figures[label] = `not finished within ${maxSeconds} s`;
        continue;
      }
      const s = spread(times);
      medians.set(balances, s);
      figures[label] =
        times.length > 1 ? `${s.median.toFixed(1)} s (${s.min.toFixed(1)}–${s.max.toFixed(1)})` : `${s.median.toFixed(1)} s`;
      figures[`${label} rate`] = `${Math.round(balances / s.median)} balances/s`;
    }
    const t100k = medians.get(100_000)?.median;
    const t1m = medians.get(1_000_000)?.median;
    const t10k = medians.get(10_000)?.median;
    if (t10k && t100k) figures['t(100k)/t(10k)'] = `${(t100k / t10k).toFixed(1)}×`;
    if (t100k && t1m) figures['t(1M)/t(100k)'] = `${(t1m / t100k).toFixed(1)}×`;
    return [
      {
        id: '7',
        title: this.title,
        unit: 's',
        target: 'linear: t(1M) ≤ 12 × t(100k)',
        verdict: settings.smoke ? 'n/a' : t100k && t1m ? (t1m <= 12 * t100k ? 'met' : 'missed') : 'missed',
        figures,
        ab: undefined,
        note: [
          cpu,
          t1m === undefined && !settings.smoke ? '1M not run (see docs/performance.md, row 7)' : '',
          failures > 0 ? `${failures} run(s) failed or found differences` : '',
        ]
          .filter(Boolean)
          .join('; '),
      },
    ];
  },
};

/**
 * POST that waits up to `timeoutMs` for the answer. Seeding a million balances answers after
 * minutes, and fetch gives up on a response's headers after 300 s (undici's headersTimeout).
 */
function postSlowly(url: string, body: unknown, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
