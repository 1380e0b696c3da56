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

/** MO-P200-0001 makes SA-3103 (welded frame) from sheet steel and powder coating, issued by backflush. */
const confirmation = () => ({
  messageId: `MES-P200-${randomUUID().slice(0, 8)}`,
  plant: 'P200',
  productionOrder: 'MO-P200-0001',
  sequence: 1,
  operation: '0010',
  workCenter: 'P200-WC-WELD',
  yield: { value: '4', unit: 'EA' },
  scrap: { value: '0', unit: 'EA' },
  final: false,
  reportedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
});

interface IssueBody {
  itemNumber: string;
  quantity: { amount: string; unit: string };
  lotNumber?: string;
  locationCode: string;
  reasonCode: string;
  reference?: string;
}

/** The backflush movements of one message in the sandbox ledgers, keyed by `<index>-<item>` of the plan. */
async function backflush(messageId: string) {
  const pick = (key: string | null | undefined, kind: string) => new RegExp(`/${messageId}/${kind}-(\\d+-.+)$`).exec(key ?? '')?.[1];
  // The Odoo connector posts a picking and validates it; the validation is the stock movement.
  const erpEntries = await env.sandbox.ledger({ plant: 'P200', system: 'erp', operation: 'stock.picking.button_validate' });
  const erp = erpEntries.map((e) => pick(e.idempotencyKey, 'erp-issue')?.replace(/:validate$/, '')).filter(Boolean);
  const wmsEntries = await env.sandbox.ledger({ plant: 'P200', system: 'wms', operation: 'goods-issue.create' });
  const wms = wmsEntries
    .filter((e) => pick(e.idempotencyKey, 'wms-issue'))
    .map((e) => ({ key: pick(e.idempotencyKey, 'wms-issue')!, body: (e.payload as { body: IssueBody }).body }));
  return { erp, wms };
}

/** Unrestricted WMS stock of an item at P200, per location|lot. */
async function wmsStock(item: string): Promise<Map<string, number>> {
  const res = await env.wms.request('GET', `/v1/plants/P200/stock?item=${item}&status=unrestricted&limit=200`, { key: DEMO_KEYS.service });
  expect(res.status).toBe(200);
  return new Map(res.body.items.map((b: { location: string; lot?: string; quantity: { value: string } }) => [`${b.location}|${b.lot ?? ''}`, Number(b.quantity.value)]));
}

describe('production-sync: component consumption in the WMS', () => {
  it('posts a WMS goods issue per planned component lot, matching the ERP backflush, exactly once even when redelivered', async () => {
    const c = confirmation();
    expect((await env.mes.request('POST', '/v1/plants/P200/production-performance', { key: DEMO_KEYS.mesP200, body: c, headers: { 'idempotency-key': randomUUID() } })).status).toBe(202);
    await until(
      async () => (await env.mes.request('GET', `/v1/plants/P200/production-performance/${c.messageId}`, { key: DEMO_KEYS.service })).body.status as string,
      (s) => s === 'posted',
    );

    // The stored plan says which lots were consumed from where; the stock before is the stock after plus the issues.
    const row = await env.app.get(DataSource).getRepository(SyncedConfirmation).findOneByOrFail({ id: `P200/${c.messageId}` });
    const plan = JSON.parse(row.plan!) as PostingPlan;
    expect(plan.issues.length).toBeGreaterThanOrEqual(1);

    const first = await backflush(c.messageId);
    expect(first.wms.map((w) => w.key).sort()).toEqual([...first.erp].sort());
    expect(first.wms.map((w) => w.key).sort()).toEqual(plan.issues.map((issue, i) => `${i}-${issue.item}`).sort());
    for (const { key, body } of first.wms) {
      const planned = plan.issues[Number(key.split('-')[0])]!;
      expect(body).toEqual({
        warehouseCode: expect.any(String),
        itemNumber: planned.item,
        quantity: { amount: planned.quantity.value, unit: planned.quantity.unit },
        ...(planned.lot ? { lotNumber: planned.lot } : {}),
        locationCode: planned.location,
        reasonCode: 'production_consumption',
        reference: 'MO-P200-0001',
      });
    }
    const stockAfter = new Map<string, Map<string, number>>();
    for (const item of new Set(plan.issues.map((i) => i.item))) stockAfter.set(item, await wmsStock(item));

    // A redelivery of the same message (a worker that died after posting, before marking it posted)
    // repeats the stored plan under the same keys: nothing is issued twice, stock does not move.
    const poster = env.app.get(ConfirmationPoster);
    await poster.execute(JSON.parse(row.confirmation) as ProductionConfirmation, plan, row.correlationId);
    const again = await backflush(c.messageId);
    expect(again.wms.map((w) => w.key).sort()).toEqual(first.wms.map((w) => w.key).sort());
    expect(again.erp.sort()).toEqual([...first.erp].sort());
    for (const [item, before] of stockAfter) expect(await wmsStock(item)).toEqual(before);
  });

  it('takes the consumed quantity out of WMS stock at the planned location and lot', async () => {
    const c = confirmation();
    const items = ['PWD-RAL7035', 'STL-S235-2MM', 'STL-S355-5MM', 'WLD-G3SI1']; // SA-3103's leaf components
    const before = new Map<string, Map<string, number>>();
    for (const item of items) before.set(item, await wmsStock(item));
    await env.mes.request('POST', '/v1/plants/P200/production-performance', { key: DEMO_KEYS.mesP200, body: { ...c, sequence: 2 }, headers: { 'idempotency-key': randomUUID() } });
    await until(
      async () => (await env.mes.request('GET', `/v1/plants/P200/production-performance/${c.messageId}`, { key: DEMO_KEYS.service })).body.status as string,
      (s) => s === 'posted',
    );
    const { wms } = await backflush(c.messageId);
    expect(new Set(wms.map((w) => w.body.itemNumber))).toEqual(new Set(items));
    for (const { body } of wms) {
      const slot = `${body.locationCode}|${body.lotNumber ?? ''}`;
      const was = before.get(body.itemNumber)?.get(slot) ?? 0;
      const now = (await wmsStock(body.itemNumber)).get(slot) ?? 0;
      expect(now).toBeCloseTo(was - Number(body.quantity.amount), 6);
    }
  });
});
