import { randomBytes } from 'node:crypto';
import { bareBullmqRun } from '../support/bare-bullmq.client';
import { pushUnits, runFlowAb, waitFor, withCpuPerUnit, type FlowRun } from '../support/flow-ab';
import { SandboxAdmin } from '../support/sandbox-admin';
import type { Scenario } from './scenario';

const PLANNER_KEY = 'ps_demo_planner_7b2e44';
/** ORDER_RELEASE_WORKER_CONCURRENCY's default. */
const CONCURRENCY = 5;
/** One BullMQ job per saga step (load, BOM revision, explode, availability, reserve, shortages, ERP release, MES dispatch, publish). */
const JOBS_PER_RELEASE = 9;
/** A planned P100 Detroit order of ACT-2250 that releases cleanly on the dataset's stock (test/e2e/order-release). */
const TEMPLATE = 'MO-P100-0003';

interface ReleaseView {
  id: string;
  status: string;
  updatedAt: string;
}

/**
 * Row 4: releases POSTed to order-release for fresh planned copies of one order (sandbox
 * /admin/production-orders/clones), counted done when the saga reads `completed`; latency from
 * the POST to the saga's completion. Baseline: bare BullMQ no-op jobs with the same concurrency.
 */
export const orderReleaseScenario: Scenario = {
  id: '4',
  title: 'order release end to end: releases completed',
  async run(stack, settings) {
    await stack.start(['order-release']);
    const bare = await stack.startBaseline('bare-bullmq', 'bare-bullmq.ts');
    const admin = new SandboxAdmin(stack.sandboxUrl);
    const api = stack.app('order-release').url;
    const runId = randomBytes(3).toString('hex');
    const headers = { 'content-type': 'application/json', 'x-api-key': PLANNER_KEY };
    const view = async (id: string) => (await (await fetch(`${api}/v1/order-releases/${id}`, { headers })).json()) as ReleaseView;

    let runs = 0;
    const platform = async (units: number, ratePerSecond?: number): Promise<FlowRun> => {
      const run = ++runs;
      const orders = await admin.cloneOrders('P100', TEMPLATE, units, 'planned');
      const since = await admin.ledgerHead();
      const ids: Array<string | undefined> = new Array<string | undefined>(units);
      let refused = 0;
      const sentAt = await pushUnits(
        units,
        async (i) => {
          const res = await fetch(`${api}/v1/order-releases`, {
            method: 'POST',
            headers: { ...headers, 'idempotency-key': `bench-${runId}-${run}-${i}` },
            body: JSON.stringify({ plant: 'P100', productionOrderId: orders[i] }),
          });
          const body = (await res.json()) as Partial<ReleaseView>;
          if (res.status === 202) ids[i] = body.id ?? res.headers.get('location')?.split('/').pop();
          else refused++;
        },
        { ratePerSecond, parallel: 8 },
      );
      // The MES dispatch is each release's last posting; then only the saga's own completion follows.
      await waitFor(() => admin.count({ plant: 'P100', system: 'mes', since }), units - refused);
      const finishedAt = new Array<number>(units).fill(NaN);
      const pending = () => ids.flatMap((id, i) => (id && Number.isNaN(finishedAt[i]) ? [i] : []));
      await waitFor(async () => {
        const todo = pending();
        await pushUnits(todo.length, async (k) => {
          const i = todo[k];
          const v = await view(ids[i]!);
          if (v.status === 'completed') finishedAt[i] = Date.parse(v.updatedAt);
          else if (['failed', 'awaiting_approval', 'compensating', 'cancelled', 'expired'].includes(v.status)) finishedAt[i] = -1;
        });
        return units - pending().length;
      }, units, 15_000);
      const done = finishedAt.flatMap((t, i) => (t > 0 ? [{ t, i }] : []));
      return {
        units,
        seconds: (Math.max(...done.map((d) => d.t)) - sentAt[0]) / 1000,
        latenciesMs: done.map((d) => d.t - sentAt[d.i]),
        failures: units - done.length,
      };
    };
    // Baselines idle during platform runs; only the platform's processes count.
    const cpu = withCpuPerUnit(platform, () => stack.platformApps());
    const ab = await runFlowAb(
      { platform: cpu.platform, baseline: (jobs) => bareBullmqRun(bare, jobs, CONCURRENCY) },
      settings,
      { warmup: settings.smoke ? 3 : 60, min: settings.smoke ? 3 : 30, max: settings.smoke ? 5 : 1000, jobsPerUnit: JOBS_PER_RELEASE },
    );
    const meets = ab.ratio.median >= 0.5 && ab.platform.median >= 220;
    return [
      {
        id: '4',
        title: this.title,
        unit: 'releases/s',
        baselineUnit: 'jobs/s',
        target: 'efficiency ≥ 0.50 and ≥ 220 releases/s',
        verdict: settings.smoke ? 'n/a' : meets ? 'met' : 'missed',
        ab,
        note: `ratio = efficiency (releases/s × ${JOBS_PER_RELEASE} step jobs ÷ bare jobs/s, worker concurrency ${CONCURRENCY}); ${cpu.report().replace('unit', 'release')}`,
      },
    ];
  },
};
