import { randomUUID } from 'node:crypto';
import { EventTypes, OutboxEvent } from '@plantsync/messaging';
import { DataSource } from 'typeorm';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSyncEnv, until, type SyncEnv } from './production-sync.harness';

jest.setTimeout(120_000);

let env: SyncEnv;
const previousReportUrl = process.env.SANDBOX_MES_REPORT_URL;
beforeAll(async () => {
  env = await startSyncEnv({ gapTimeoutSeconds: 2, closedBefore: { P100: '2026-01-01' } });
  process.env.SANDBOX_MES_REPORT_URL = env.mes.url; // where the simulated MES reports (read per report)
});
afterAll(async () => {
  if (previousReportUrl === undefined) delete process.env.SANDBOX_MES_REPORT_URL;
  else process.env.SANDBOX_MES_REPORT_URL = previousReportUrl;
  await env?.close();
});

/** A P200 Monterrey confirmation; released orders MO-P200-0001..0004 exist in its ERP. */
function confirmation(productionOrder: string, overrides: Record<string, unknown> = {}) {
  return {
    messageId: `MES-P200-${randomUUID().slice(0, 8)}`,
    plant: 'P200',
    productionOrder,
    sequence: 1,
    operation: '0010',
    workCenter: 'P200-WC-WELD',
    yield: { value: '10', unit: 'EA' },
    scrap: { value: '0', unit: 'EA' },
    final: false,
    reportedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    ...overrides,
  };
}

const report = (body: unknown) =>
  env.mes.request('POST', '/v1/plants/P200/production-performance', { key: DEMO_KEYS.service, body, headers: { 'idempotency-key': randomUUID() } });
const statusOf = async (messageId: string, plant = 'P200') =>
  (await env.mes.request('GET', `/v1/plants/${plant}/production-performance/${messageId}`, { key: DEMO_KEYS.service })).body.status as string;
const settled = (messageId: string, status = 'posted', plant = 'P200') => until(() => statusOf(messageId, plant), (s) => s === status);

/** What the sandbox ERP and WMS applied for one message (ledger entries carry our idempotency keys). */
async function postings(messageId: string, plant = 'P200') {
  const erp = await env.sandbox.ledger({ plant, system: 'erp', operation: 'stock.picking.button_validate' });
  const wms = await env.sandbox.ledger({ plant, system: 'wms', operation: 'receipt.create' });
  const key = (e: { idempotencyKey?: string | null }, kind: string) => (e.idempotencyKey ?? '').includes(`/${messageId}/${kind}`);
  const wmsReceipts = wms.filter((e) => key(e, 'wms-receipt'));
  return {
    erpReceipts: erp.filter((e) => key(e, 'erp-receipt')).length,
    erpIssues: erp.filter((e) => key(e, 'erp-issue-')).length,
    wmsReceipts: wmsReceipts.length,
    wmsStatus: wmsReceipts.map((e) => (e.payload as { body: { stockStatus: string } }).body.stockStatus),
    firstSeq: Math.min(...erp.filter((e) => key(e, 'erp-receipt')).map((e) => e.seq)),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 1500));

describe('production-sync: MES confirmations to ERP and WMS', () => {
  it('posts a JSON confirmation once: ERP finished-goods receipt, backflush issues per component, WMS receipt', async () => {
    const c = confirmation('MO-P200-0001', { lot: 'L2026-1122-A' });
    expect((await report(c)).status).toBe(202);
    await settled(c.messageId);
    const p = await postings(c.messageId);
    expect(p).toMatchObject({ erpReceipts: 1, wmsReceipts: 1, wmsStatus: ['unrestricted'] });
    expect(p.erpIssues).toBeGreaterThanOrEqual(1); // SA-3103: sheet steel and powder coating by backflush
  });

  it('answers a repeated message as a duplicate and never posts it twice', async () => {
    const c = confirmation('MO-P200-0001', { sequence: 2 });
    expect((await report(c)).body.accepted).toEqual([c.messageId]);
    await settled(c.messageId);
    const again = await report(c);
    expect(again.body).toMatchObject({ accepted: [], duplicates: [c.messageId] });
    await settle();
    const p = await postings(c.messageId);
    expect(p).toMatchObject({ erpReceipts: 1, wmsReceipts: 1 });
  });

  it('holds sequence 2 until sequence 1 arrives, then posts both in order (a JSON batch)', async () => {
    const first = confirmation('MO-P200-0002', { sequence: 1 });
    const second = confirmation('MO-P200-0002', { sequence: 2 });
    expect((await report(second)).status).toBe(202);
    await settled(second.messageId, 'waiting');
    expect(await postings(second.messageId)).toMatchObject({ erpReceipts: 0, wmsReceipts: 0 });

    const batch = await report({ confirmations: [first, second] }); // the MES resends 2 with 1: a duplicate
    expect(batch.body).toMatchObject({ accepted: [first.messageId], duplicates: [second.messageId] });
    await settled(first.messageId);
    await settled(second.messageId);
    const [p1, p2] = [await postings(first.messageId), await postings(second.messageId)];
    expect([p1.erpReceipts, p1.wmsReceipts, p2.erpReceipts, p2.wmsReceipts]).toEqual([1, 1, 1, 1]);
    expect(p1.firstSeq).toBeLessThan(p2.firstSeq); // applied in the MES' sequence
  });

  it('turns a gap open past the timeout into an exception naming the missing sequence numbers', async () => {
    const third = confirmation('MO-P200-0004', { sequence: 3, workCenter: 'P200-WC-ASSY1' });
    await report(third);
    await settled(third.messageId, 'waiting');
    const exceptions = await until(
      () => env.request('GET', '/v1/production-sync/exceptions?plant=P200&productionOrder=MO-P200-0004', { key: DEMO_KEYS.planner }),
      (res) => res.status === 200 && res.body.items.length > 0,
      15_000,
    );
    expect(exceptions.body.items).toEqual([
      expect.objectContaining({ productionOrder: 'MO-P200-0004', kind: 'sequence-gap', missingSequences: [1, 2], waitingSequences: [3] }),
    ]);
    expect(exceptions.body.items[0]).toMatchObject({ status: 'open' });
    expect(exceptions.body.items[0].detail).toMatch(/never sent confirmations 1, 2/);
    expect(await postings(third.messageId)).toMatchObject({ erpReceipts: 0, wmsReceipts: 0 });

    // The MES resends the missing numbers: all three post in order and the exception reads closed.
    const [first, second] = [1, 2].map((sequence) => confirmation('MO-P200-0004', { sequence, workCenter: 'P200-WC-ASSY1' }));
    await report({ confirmations: [first, second] });
    for (const c of [first!, second!, third]) await settled(c.messageId);
    const seqs = await Promise.all([first!, second!, third].map(async (c) => (await postings(c.messageId)).firstSeq));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const after = await env.request('GET', '/v1/production-sync/exceptions?plant=P200&productionOrder=MO-P200-0004', { key: DEMO_KEYS.planner });
    expect(after.body.items).toEqual([expect.objectContaining({ missingSequences: [1, 2], status: 'closed' })]);
  });

  it('makes an unknown order a dead letter a supervisor can read, and posts nothing', async () => {
    const c = confirmation('MO-P200-9999');
    await report(c);
    await settled(c.messageId, 'failed');
    const letters = await env.request('GET', '/v1/dead-letters?queue=events.production-sync', { key: DEMO_KEYS.admin });
    const mine = letters.body.items.filter((d: any) => d.payload.data.messageId === c.messageId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ reason: 'unknown-production-order', attempts: 1, businessKey: 'P200/MO-P200-9999' });
    expect(mine[0].lastError).toMatch(/Production order MO-P200-9999 does not exist in the ERP of plant P200/);
    expect(await postings(c.messageId)).toMatchObject({ erpReceipts: 0, erpIssues: 0, wmsReceipts: 0 });
  });

  it('flows from the simulated MES (B2MML) to ERP and WMS; excess scrap holds the lot, the final report completes the order', async () => {
    const dispatched = await env.mes.request('POST', '/v1/plants/P200/work-orders', {
      key: DEMO_KEYS.planner,
      body: {
        number: 'MO-P200-0003',
        item: 'PMP-3100',
        quantity: { value: '25', unit: 'EA' },
        plannedStart: '2026-11-23T06:00:00Z',
        plannedEnd: '2026-11-24T14:00:00Z',
        workCenter: 'P200-WC-ASSY1',
      },
    });
    expect(dispatched.status).toBe(201);
    const res = await fetch(`${env.sandbox.url}/admin/mes/P200/work-orders/WO-MO-P200-0003/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ yield: '8', scrap: '2', scrapReason: 'LEAK-TEST-FAILED', final: true }),
    });
    expect(res.status).toBe(202);
    const { messageId } = (await res.json()) as { messageId: string };
    const stored = await env.mes.request('GET', `/v1/plants/P200/production-performance/${messageId}`, { key: DEMO_KEYS.service });
    expect(stored.body.format).toBe('b2mml');
    await settled(messageId);
    const p = await postings(messageId);
    expect(p).toMatchObject({ erpReceipts: 1, wmsReceipts: 1, wmsStatus: ['quality_inspection'] }); // 20 % scrap > 2 %
    expect(p.erpIssues).toBeGreaterThanOrEqual(1);
    const events = await env.app.get(DataSource).getRepository(OutboxEvent).find();
    const mine = events.filter((e) => e.subject === 'P200/MO-P200-0003').map((e) => e.type);
    expect(mine.sort()).toEqual([EventTypes.QualityHoldCreated, EventTypes.WorkOrderCompleted].sort());
  });

  it('refuses a report in a closed posting period and one in the wrong unit, in words, posting nothing', async () => {
    const late = {
      ...confirmation('MO-P100-0001'),
      plant: 'P100',
      messageId: `MES-P100-${randomUUID().slice(0, 8)}`,
      workCenter: 'P100-WC-ASSY1',
      reportedAt: '2025-12-30T22:00:00Z',
    };
    const posted = await env.mes.request('POST', '/v1/plants/P100/production-performance', {
      key: DEMO_KEYS.service,
      body: late,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(posted.status).toBe(202);
    const kilos = confirmation('MO-P200-0001', { sequence: 3, yield: { value: '12.5', unit: 'KG' }, scrap: { value: '0', unit: 'KG' } });
    await report(kilos);
    await settled(late.messageId, 'failed', 'P100');
    await settled(kilos.messageId, 'failed');
    const letters = (await env.request('GET', '/v1/dead-letters?queue=events.production-sync', { key: DEMO_KEYS.admin })).body.items;
    const of = (id: string) => letters.find((d: any) => d.payload.data.messageId === id);
    expect(of(late.messageId)).toMatchObject({ reason: 'posting-period-closed' });
    expect(of(late.messageId).lastError).toMatch(/posting period of plant P100 is closed before 2026-01-01/);
    expect(of(kilos.messageId)).toMatchObject({ reason: 'unit-mismatch' });
    expect(of(kilos.messageId).lastError).toMatch(/the order is planned in EA/);
    expect(await postings(late.messageId, 'P100')).toMatchObject({ erpReceipts: 0, erpIssues: 0, wmsReceipts: 0 });
    expect(await postings(kilos.messageId)).toMatchObject({ erpReceipts: 0, erpIssues: 0, wmsReceipts: 0 });
  });

  it('rides out an ERP outage and still posts each movement once; the failed sequence 3 does not block sequence 4', async () => {
    await env.sandbox.setFault('P200', 'erp', { downForSeconds: 2 });
    const c = confirmation('MO-P200-0001', { sequence: 4 });
    try {
      await report(c);
      await settled(c.messageId);
    } finally {
      await env.sandbox.clearFaults();
    }
    const p = await postings(c.messageId);
    expect(p).toMatchObject({ erpReceipts: 1, wmsReceipts: 1 });
    const issues = (await env.sandbox.ledger({ plant: 'P200', system: 'erp', operation: 'stock.picking.button_validate' }))
      .filter((e) => (e.idempotencyKey ?? '').includes(`/${c.messageId}/erp-issue-`))
      .map((e) => e.idempotencyKey);
    expect(new Set(issues).size).toBe(issues.length);
  });

  it('survives a restart of the worker mid-batch: every message of a batch of 20 posts exactly once, in sequence', async () => {
    const batch = Array.from({ length: 20 }, (_, i) => confirmation('MO-P200-0002', { sequence: i + 3, yield: { value: '1', unit: 'EA' } }));
    const res = await report({ confirmations: batch });
    expect(res.body.accepted).toHaveLength(20);
    await until(() => statusOf(batch[2]!.messageId), (s) => s === 'posted'); // some posted, most not yet
    await env.restart();
    for (const c of batch) await settled(c.messageId);
    const all = await Promise.all(batch.map((c) => postings(c.messageId)));
    expect(all.map((p) => [p.erpReceipts, p.wmsReceipts])).toEqual(batch.map(() => [1, 1]));
    const order = all.map((p) => p.firstSeq);
    expect([...order].sort((a, b) => a - b)).toEqual(order); // ERP receipts in the MES' sequence
  });
});
