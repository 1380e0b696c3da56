import { randomUUID } from 'node:crypto';
import { DEMO_KEYS } from '../../support/demo-keys';
import { freePort } from '../../support/free-port';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { startSyncEnv, until, type SyncEnv } from './production-sync.harness';

jest.setTimeout(180_000);

let env: SyncEnv;
let reconciliation: ReconciliationHarness | undefined;
let port: number;
beforeAll(async () => {
  port = await freePort();
  env = await startSyncEnv({}, 'sqlite', `http://127.0.0.1:${port}`);
});
afterAll(async () => {
  await reconciliation?.close();
  await env?.close();
});

/** Reported at the plant two minutes ago (whole seconds, as MES terminals send it). */
const twoMinutesAgo = () => new Date(Date.now() - 120_000).toISOString().replace(/\.\d+Z$/, 'Z');
const confirmation = (productionOrder: string) => ({
  messageId: `MES-P200-${randomUUID().slice(0, 8)}`,
  plant: 'P200',
  productionOrder,
  sequence: 1,
  operation: '0010',
  workCenter: 'P200-WC-WELD',
  yield: { value: '5', unit: 'EA' },
  scrap: { value: '0', unit: 'EA' },
  final: false,
  reportedAt: twoMinutesAgo(),
});
const report = (body: unknown) =>
  env.mes.request('POST', '/v1/plants/P200/production-performance', { key: DEMO_KEYS.mesP200, body, headers: { 'idempotency-key': randomUUID() } });
const settled = (messageId: string, status: string) =>
  until(
    async () => (await env.mes.request('GET', `/v1/plants/P200/production-performance/${messageId}`, { key: DEMO_KEYS.service })).body.status as string,
    (s) => s === status,
  );

describe('production-sync reports to sync health', () => {
  it('posts while reconciliation is down, then delivers the observations: production lag and the dead letter appear in /v1/sync-health', async () => {
    const good = confirmation('MO-P200-0001');
    const unknown = confirmation('MO-P200-9999');
    expect((await report({ confirmations: [good, unknown] })).status).toBe(202);
    // Nothing listens at the reconciliation URL: the postings go through regardless.
    await settled(good.messageId, 'posted');
    await settled(unknown.messageId, 'failed');
    const receipts = await env.sandbox.ledger({ plant: 'P200', system: 'erp', operation: 'stock.picking.button_validate' });
    expect(receipts.filter((e) => (e.idempotencyKey ?? '').includes(`/${good.messageId}/erp-receipt`))).toHaveLength(1);

    // Reconciliation comes up where production-sync expects it; the buffered observations arrive.
    reconciliation = await startReconciliation({ systemApis: { erp: env.erp.url, mes: env.mes.url, wms: env.wms.url }, port });
    const production = await until(
      async () => {
        const res = await reconciliation!.request('GET', '/v1/sync-health', { key: DEMO_KEYS.planner });
        return res.body.entries?.find((e: { plant: string; domain: string }) => e.plant === 'P200' && e.domain === 'production');
      },
      (entry) => entry?.observed === 2,
      90_000,
    );
    // Lag runs from the MES' reportedAt (two minutes ago) to the posting.
    expect(production.lagP50Seconds).toBeGreaterThanOrEqual(120);
    expect(production.lastSuccessfulSync).not.toBeNull();
    expect(production).toMatchObject({ deadLetters: 1, failureRate: 0.5 });
    expect(production.failures).toEqual([
      expect.objectContaining({
        plant: 'P200',
        domain: 'production',
        businessKey: 'MO-P200-9999/0010/1',
        kind: 'dead_letter',
        reason: expect.stringContaining('Production order MO-P200-9999 does not exist in the ERP of plant P200'),
        impact: expect.stringContaining('do not show 5 EA good and 0 EA scrap on order MO-P200-9999'),
      }),
    ]);
  });
});
