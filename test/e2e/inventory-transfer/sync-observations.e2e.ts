import { randomUUID } from 'node:crypto';
import { DEMO_KEYS } from '../../support/demo-keys';
import { freePort } from '../../support/free-port';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { startTransferEnv, until, type TransferEnv } from './inventory-transfer.harness';

jest.setTimeout(150_000);

let env: TransferEnv;
let reconciliation: ReconciliationHarness | undefined;
let port: number;
beforeAll(async () => {
  port = await freePort();
  env = await startTransferEnv({ reconciliationUrl: `http://127.0.0.1:${port}` });
});
afterAll(async () => {
  await reconciliation?.close();
  await env?.close();
});

describe('inventory transfer reports to sync health (inventory domain)', () => {
  it('reports the ERP goods issue at P100 and the goods receipt at P300 once the transfer completes', async () => {
    const res = await env.request('POST', '/v1/inventory-transfers', {
      key: DEMO_KEYS.planner,
      headers: { 'idempotency-key': randomUUID() },
      body: { item: 'BRG-6204', quantity: { value: '10', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Rebalance bearings for the P300 gearbox line' },
    });
    expect(res.status).toBe(202);
    const id: string = res.body.id;
    const transfer = () => env.request('GET', `/v1/inventory-transfers/${id}`, { key: DEMO_KEYS.planner });
    await until(transfer, (t) => t.status === 'in_transit');
    const received = await env.request('POST', `/v1/inventory-transfers/${id}/receipts`, {
      key: DEMO_KEYS.service,
      body: { quantity: { value: '10', unit: 'EA' } },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(received.status).toBeLessThan(300);
    expect((await until(transfer, (t) => ['completed', 'exception', 'failed'].includes(t.status))).status).toBe('completed');

    reconciliation = await startReconciliation({ systemApis: { erp: env.erp.url, mes: env.erp.url, wms: env.wms.url }, port });
    const entryOf = async (plant: string) => {
      const r = await reconciliation!.request('GET', '/v1/sync-health', { key: DEMO_KEYS.planner });
      return r.body.entries?.find((e: { plant: string; domain: string }) => e.plant === plant && e.domain === 'inventory');
    };
    const deadline = Date.now() + 90_000;
    let [p100, p300] = [await entryOf('P100'), await entryOf('P300')];
    while ((p100?.observed !== 1 || p300?.observed !== 1) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      [p100, p300] = [await entryOf('P100'), await entryOf('P300')];
    }
    for (const entry of [p100, p300]) {
      expect(entry).toMatchObject({ observed: 1, deadLetters: 0, failureRate: 0 });
      expect(entry.lagP50Seconds).toBeGreaterThanOrEqual(0);
      expect(entry.lastSuccessfulSync).not.toBeNull();
    }
  });
});
