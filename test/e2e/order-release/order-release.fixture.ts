import { startProcessApp, type ProcessAppHarness, type StartProcessAppOptions } from '../../support/process-app.harness';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

/** The sandbox, the three system APIs and one order-release app (API + worker), all on real HTTP. */
export interface OrderReleaseEnvironment {
  sandbox: SandboxHarness;
  erp: SystemApiHarness;
  wms: SystemApiHarness;
  mes: SystemApiHarness;
  app: ProcessAppHarness;
  /** Another order-release app on the same system APIs, with its own database and Redis prefix. */
  startApp(opts?: Omit<StartProcessAppOptions, 'systemApis'>): Promise<ProcessAppHarness>;
  close(): Promise<void>;
}

export async function orderReleaseEnvironment(opts: Omit<StartProcessAppOptions, 'systemApis'> = {}): Promise<OrderReleaseEnvironment> {
  const sandbox = await startSandbox();
  const erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
  const wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
  const mes = await startSystemApi('mes-api', { sandboxUrl: sandbox.url });
  const systemApis = { erp: erp.url, wms: wms.url, mes: mes.url };
  const extra: ProcessAppHarness[] = [];
  const app = await startProcessApp('order-release', { ...opts, systemApis });
  return {
    sandbox,
    erp,
    wms,
    mes,
    app,
    async startApp(more = {}) {
      const started = await startProcessApp('order-release', { ...more, systemApis });
      extra.push(started);
      return started;
    },
    async close() {
      for (const a of [...extra, app]) await a.close();
      for (const api of [mes, wms, erp]) await api.close();
      await sandbox.close();
    },
  };
}

export interface ReleaseView {
  id: string;
  plant: string;
  productionOrder: string;
  status: string;
  currentStep: string | null;
  failure: { step: string | null; code: string; reason: string } | null;
  steps: Array<{ name: string; status: string; attempts: number; startedAt: string | null; finishedAt: string | null; lastError: string | null }>;
  shortages: Array<{
    item: string;
    required: { value: string; unit: string };
    available: { value: string; unit: string };
    coveredByPurchaseOrders: { value: string; unit: string };
    purchaseOrders: string[];
    shortfall: { value: string; unit: string };
  }>;
  requirements: Array<{ item: string; quantity: { value: string; unit: string }; available?: { value: string; unit: string } }>;
  reservations: Array<{ item: string; id: string; quantity: { value: string; unit: string } }>;
  compensations: Array<{ seq: number; step: string; action: string; status: string }>;
  approvalDeadline: string | null;
  decidedBy: string | null;
  cancelRequestedAt: string | null;
  workOrder?: string;
  bomRevision?: string;
}

let keys = 0;
/** A fresh Idempotency-Key. */
export const newKey = (what: string) => `e2e-${what}-${Date.now()}-${++keys}`;

export function releaseApi(app: ProcessAppHarness) {
  return {
    start: (plant: string, productionOrderId: string, idempotencyKey = newKey(productionOrderId), key: string = DEMO_KEYS.planner) =>
      app.request<ReleaseView>('POST', '/v1/order-releases', {
        key,
        body: { plant, productionOrderId },
        headers: { 'idempotency-key': idempotencyKey },
      }),
    get: (id: string, key: string = DEMO_KEYS.planner) => app.request<ReleaseView>('GET', `/v1/order-releases/${id}`, { key }),
    approve: (id: string, key: string = DEMO_KEYS.planner) => app.request<ReleaseView>('POST', `/v1/order-releases/${id}/approve`, { key }),
    reject: (id: string, reason: string, key: string = DEMO_KEYS.planner) =>
      app.request<ReleaseView>('POST', `/v1/order-releases/${id}/reject`, { key, body: { reason } }),
    cancel: (id: string, key: string = DEMO_KEYS.planner) => app.request<ReleaseView>('DELETE', `/v1/order-releases/${id}`, { key }),
    /** Polls GET until the release is in one of `statuses`. */
    async until(id: string, statuses: string[], timeoutMs = 30_000): Promise<ReleaseView> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const res = await app.request<ReleaseView>('GET', `/v1/order-releases/${id}`, { key: DEMO_KEYS.planner });
        if (res.status === 200 && statuses.includes(res.body.status)) return res.body;
        if (Date.now() > end) throw new Error(`release ${id} never reached ${statuses.join('/')}: ${JSON.stringify(res.body).slice(0, 2000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
