import { randomBytes } from 'node:crypto';
import { bareBullmqRun } from '../support/bare-bullmq.client';
import { pushUnits, runFlowAb, waitFor, withCpuPerUnit, type FlowRun } from '../support/flow-ab';
import { lastEffectAt, SandboxAdmin } from '../support/sandbox-admin';
import { SERVICE_KEY } from '../support/stack';
import type { Scenario } from './scenario';

const MES_P200_KEY = 'ps_demo_mes_p200_9d3c';
/** PRODUCTION_SYNC_WORKER_CONCURRENCY's default: four orders drain at once, each in its own sequence (ADR 0009). */
const CONCURRENCY = 4;
/** One BullMQ job per confirmation: mes-api's relay publishes ProductionPerformanceReceived to events.production-sync. */
const JOBS_PER_CONFIRMATION = 1;
/** A released P200 Monterrey order of SA-3103 (welded housing, backflushed steel and powder coat). */
const TEMPLATE = 'MO-P200-0001';
/** Yield per confirmation: the template's 80 EA of stock covers 80 confirmations per order copy. */
const UNITS_PER_ORDER = 40;

/**
 * Row 3: MES confirmations POSTed to mes-api one by one, counted done when the sandbox ledger
 * holds every ERP and WMS posting of them (receipt, WMS receipt, backflush issues); latency from
 * the send to the last posting. Baseline: bare BullMQ no-op jobs with the same worker concurrency.
 */
export const productionSyncScenario: Scenario = {
  id: '3',
  title: 'production sync end to end: confirmations posted to ERP and WMS',
  async run(stack, settings) {
    await stack.start(['production-sync']);
    const bare = await stack.startBaseline('bare-bullmq', 'bare-bullmq.ts');
    const admin = new SandboxAdmin(stack.sandboxUrl);
    const mesUrl = `${stack.app('mes-api').url}/v1/plants/P200/production-performance`;
    const maxUnits = settings.smoke ? 10 : 1500;
    // Enough released copies (and their component stock) for every run below.
    const total = 3 + (settings.pairs + 3) * maxUnits;
    const orders = [TEMPLATE, ...(await admin.cloneOrders('P200', TEMPLATE, Math.ceil(total / UNITS_PER_ORDER), 'released'))];
    const nextSequence = new Map<string, number>();
    const runId = randomBytes(3).toString('hex');
    let sent = 0;

    const send = async (messageId: string) => {
      const order = orders[sent++ % orders.length];
      const sequence = (nextSequence.get(order) ?? 0) + 1;
      nextSequence.set(order, sequence);
      const res = await fetch(mesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': MES_P200_KEY },
        body: JSON.stringify({
          messageId,
          plant: 'P200',
          productionOrder: order,
          sequence,
          operation: '0010',
          workCenter: 'P200-WC-WELD',
          yield: { value: '1', unit: 'EA' },
          scrap: { value: '0', unit: 'EA' },
          final: false,
          reportedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        }),
      });
      if (res.status !== 202) throw new Error(`mes-api answered ${res.status}: ${await res.text()}`);
    };
    const unitOf = (key: string | null | undefined) => /BENCH-[0-9a-f]+-\d+-\d+/.exec(key ?? '')?.[0];

    const status = async (messageId: string) =>
      ((await (await fetch(`${mesUrl}/${messageId}`, { headers: { 'x-api-key': SERVICE_KEY } })).json()) as { status?: string }).status;
    const settled = new Set(['posted', 'failed']);

    let runs = 0;
    const platform = async (units: number, ratePerSecond?: number): Promise<FlowRun> => {
      const run = ++runs;
      const since = await admin.ledgerHead();
      const ids = Array.from({ length: units }, (_, i) => `BENCH-${runId}-${run}-${i}`);
      let refused = 0;
      const sentAt = await pushUnits(units, (i) => send(ids[i]).catch(() => void refused++), { ratePerSecond, parallel: 8 });
      // Each confirmation makes exactly one WMS receipt (then the backflush issues follow)…
      await waitFor(() => admin.count({ plant: 'P200', system: 'wms', operation: 'receipt.create', since }), units - refused);
      // …and mes-api reads `posted` once every posting of it is in (a few stragglers at most by now).
      const final = new Map<string, string | undefined>();
      await waitFor(async () => {
        const todo = ids.filter((id) => !settled.has(final.get(id) ?? ''));
        await pushUnits(todo.length, async (k) => void final.set(todo[k], await status(todo[k])));
        return ids.filter((id) => final.get(id) === 'posted').length;
      }, units - refused, 10_000);
      const last = lastEffectAt(await admin.entriesSince(since, { plant: 'P200' }), (row) => unitOf(row.idempotencyKey));
      const latenciesMs = ids.flatMap((id, i) => (final.get(id) === 'posted' && last.has(id) ? [last.get(id)! - sentAt[i]] : []));
      const end = Math.max(...last.values());
      return {
        units,
        seconds: (end - sentAt[0]) / 1000,
        latenciesMs,
        failures: units - ids.filter((id) => final.get(id) === 'posted').length,
      };
    };
    // Baselines idle during platform runs; only the platform's processes count.
    const cpu = withCpuPerUnit(platform, () => stack.platformApps());
    const ab = await runFlowAb(
      { platform: cpu.platform, baseline: (jobs) => bareBullmqRun(bare, jobs, CONCURRENCY) },
      settings,
      { warmup: settings.smoke ? 5 : 100, min: settings.smoke ? 5 : 50, max: maxUnits, jobsPerUnit: JOBS_PER_CONFIRMATION },
    );
    return [
      {
        id: '3',
        title: this.title,
        unit: 'confirmations/s',
        baselineUnit: 'jobs/s',
        target: 'efficiency ≥ 0.50; p99 ≤ 250 ms at 50 %',
        verdict: settings.smoke ? 'n/a' : ab.ratio.median >= 0.5 && ab.latency.at50.p99Ms <= 250 ? 'met' : 'missed',
        ab,
        note: `ratio = efficiency (confirmations/s × ${JOBS_PER_CONFIRMATION} job ÷ bare jobs/s, worker concurrency ${CONCURRENCY}); ${cpu.report().replace('unit', 'confirmation')}`,
      },
    ];
  },
};
