import { randomUUID } from 'node:crypto';
import type { ProductionConfirmation } from '@plantsync/canonical';
import { DataSource } from 'typeorm';
import { ConfirmationPoster, type PostingPlan } from '../../../apps/process/production-sync/src/posting/confirmation-poster';
import { SyncedConfirmation } from '../../../apps/process/production-sync/src/sequencing/synced-confirmation.entity';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSyncEnv, until, type SyncEnv } from './production-sync.harness';

jest.setTimeout(120_000);

let env: SyncEnv;
beforeAll(async () => {
  env = await startSyncEnv();
});
afterAll(async () => {
  await env?.close();
});

const produced = async (order: string) =>
  (await env.erp.request('GET', `/v1/plants/P200/production-orders/${order}`, { key: DEMO_KEYS.planner })).body.producedQuantity.value as string;
/** ERP operation confirmations recorded for one message (the ledger entry carries production-sync's key). */
const confirmations = async (messageId: string) =>
  (await env.sandbox.ledger({ plant: 'P200', system: 'erp', operation: 'mrp.production.plantsync_record_production' })).filter((e) =>
    (e.idempotencyKey ?? '').includes(`/${messageId}/erp-confirmation`),
  );

describe('production-sync: the operation confirmation in the ERP', () => {
  it('records yield, scrap and reason of each MES message on its operation exactly once, even when redelivered', async () => {
    const before = Number(await produced('MO-P200-0002'));
    const c = {
      messageId: `MES-P200-${randomUUID().slice(0, 8)}`,
      plant: 'P200',
      productionOrder: 'MO-P200-0002',
      sequence: 1,
      operation: '0020',
      workCenter: 'P200-WC-WELD',
      yield: { value: '6', unit: 'EA' },
      scrap: { value: '1', unit: 'EA' },
      scrapReason: 'Weld seam cracked',
      final: false,
      reportedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    expect((await env.mes.request('POST', '/v1/plants/P200/production-performance', { key: DEMO_KEYS.mesP200, body: c, headers: { 'idempotency-key': randomUUID() } })).status).toBe(202);
    await until(
      async () => (await env.mes.request('GET', `/v1/plants/P200/production-performance/${c.messageId}`, { key: DEMO_KEYS.service })).body.status as string,
      (s) => s === 'posted',
    );
    const [recorded, ...more] = await confirmations(c.messageId);
    expect(more).toHaveLength(0);
    expect(recorded!.payload).toMatchObject({ operation: '0020', workcenter: 'P200-WC-WELD', qty_produced: 6, qty_scrapped: 1, scrap_reason: 'Weld seam cracked', final: false });
    expect(Number(await produced('MO-P200-0002'))).toBe(before + 6);

    // A redelivery after a crash between posting and marking posted repeats the stored plan: nothing new.
    const row = await env.app.get(DataSource).getRepository(SyncedConfirmation).findOneByOrFail({ id: `P200/${c.messageId}` });
    await env.app.get(ConfirmationPoster).execute(JSON.parse(row.confirmation) as ProductionConfirmation, JSON.parse(row.plan!) as PostingPlan, row.correlationId);
    expect(await confirmations(c.messageId)).toHaveLength(1);
    expect(Number(await produced('MO-P200-0002'))).toBe(before + 6);
  });
});
