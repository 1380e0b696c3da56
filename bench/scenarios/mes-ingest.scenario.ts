import { randomUUID } from 'node:crypto';
import { runAb } from '../support/ab-runner';
import { settle } from '../support/settle';
import type { Scenario, ScenarioResult } from './scenario';

const MES_P100_KEY = 'ps_demo_mes_p100_5a1f';

/** A valid confirmation with a unique message id, so every one is durably accepted (no dedup shortcut). */
function confirmation(): Record<string, unknown> {
  return {
    messageId: `BENCH-${randomUUID()}`,
    plant: 'P100',
    productionOrder: 'MO-P100-0005',
    sequence: 1,
    operation: '0010',
    yield: { value: '5', unit: 'EA' },
    scrap: { value: '0', unit: 'EA' },
    final: false,
    reportedAt: '2026-11-02T10:15:00Z',
  };
}

/** Row 2: production confirmations POSTed to the MES system API until durably accepted, singly and in batches of 100. */
export const mesIngestScenario: Scenario = {
  id: '2',
  title: 'MES ingest: confirmations durably accepted',
  async run(stack, settings) {
    // A mes-api of its own, with its own Redis prefix: the tens of thousands of confirmations this
    // row accepts must not become a backlog for the platform's production-sync (rows 3, 4 and 7
    // would then measure that backlog). Its relay still publishes each one, as under npm start.
    const mes = await stack.startInstance('mes-api-ingest', 'mes-api', { PLANTSYNC_REDIS_PREFIX: `${stack.redisPrefix}ingest:` });
    const bare = await stack.startBaseline('bare-mes-ingest', 'bare-mes-ingest.ts');
    const platformUrl = `${mes.url}/v1/plants/P100/production-performance`;
    const headers = { 'content-type': 'application/json' };
    const rows: ScenarioResult[] = [];
    for (const batch of [1, 100]) {
      const body = () => JSON.stringify(batch === 1 ? confirmation() : { confirmations: Array.from({ length: batch }, confirmation) });
      const ab = await runAb(
        { url: platformUrl, method: 'POST', headers: { ...headers, 'x-api-key': MES_P100_KEY }, body },
        { url: `${bare.url}/production-performance`, method: 'POST', headers, body },
        settings,
        batch,
        // The relay publishes what a run accepted after the run: let it finish before the next one.
        () => settle(() => [mes]),
      );
      rows.push({
        id: batch === 1 ? '2a' : '2b',
        title: `${this.title} (${batch === 1 ? 'single' : 'batches of 100'})`,
        unit: 'messages/s',
        target: '≥ 0.60× baseline',
        verdict: settings.smoke ? 'n/a' : ab.ratio.median >= 0.6 ? 'met' : 'missed',
        ab,
      });
    }
    // Its relay would go on publishing the backlog into its own queue while the next rows run.
    await stack.stopInstance('mes-api-ingest');
    return rows;
  },
};
