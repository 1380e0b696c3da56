import { runAb } from '../support/ab-runner';
import type { Scenario } from './scenario';

const SERVICE_KEY = 'ps_demo_service_c81d09';

/** Row 1: WMS availability of one item at one plant through the system API vs a bare Fastify route. */
export const systemReadScenario: Scenario = {
  id: '1',
  title: 'system-API read: WMS availability, one item at P200',
  async run(stack, settings) {
    await stack.start(['wms-api']);
    const bare = await stack.startBaseline('bare-wms-read', 'bare-wms-read.ts');
    const ab = await runAb(
      { url: `${stack.app('wms-api').url}/v1/plants/P200/availability?item=BRKT-1042`, headers: { 'x-api-key': SERVICE_KEY } },
      { url: `${bare.url}/availability?item=BRKT-1042&plant=P200&warehouse=MTY1` },
      settings,
    );
    return [
      {
        id: '1',
        title: this.title,
        unit: 'req/s',
        target: '≥ 0.80× baseline',
        verdict: settings.smoke ? 'n/a' : ab.ratio.median >= 0.8 ? 'met' : 'missed',
        ab,
      },
    ];
  },
};
