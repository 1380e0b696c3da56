import { randomUUID } from 'node:crypto';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSyncEnv, until, type SyncEnv } from './production-sync.harness';

jest.setTimeout(120_000);

/** The ordering and exactly-once path with production-sync on PostgreSQL (the other tests use SQLite). */
let env: SyncEnv;
beforeAll(async () => {
  env = await startSyncEnv({ gapTimeoutSeconds: 60 }, 'postgres');
});
afterAll(async () => {
  await env?.close();
});

const confirmation = (sequence: number) => ({
  messageId: `MES-P200-${randomUUID().slice(0, 8)}`,
  plant: 'P200',
  productionOrder: 'MO-P200-0002',
  sequence,
  workCenter: 'P200-WC-WELD',
  yield: { value: '5', unit: 'EA' },
  scrap: { value: '0', unit: 'EA' },
  final: false,
  reportedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
});

const statusOf = async (messageId: string) =>
  (await env.mes.request('GET', `/v1/plants/P200/production-performance/${messageId}`, { key: DEMO_KEYS.service })).body.status as string;

it('on PostgreSQL: sequence 2 waits for 1, then both post once each, in order', async () => {
  const [first, second] = [confirmation(1), confirmation(2)];
  const post = (body: unknown) =>
    env.mes.request('POST', '/v1/plants/P200/production-performance', { key: DEMO_KEYS.service, body, headers: { 'idempotency-key': randomUUID() } });
  await post(second);
  await until(() => statusOf(second.messageId), (s) => s === 'waiting');
  await post(first);
  await post(first); // a repeat: a duplicate
  for (const c of [first, second]) await until(() => statusOf(c.messageId), (s) => s === 'posted');
  const erp = await env.sandbox.ledger({ plant: 'P200', system: 'erp', operation: 'stock.picking.button_validate' });
  const receipts = (id: string) => erp.filter((e) => (e.idempotencyKey ?? '').includes(`/${id}/erp-receipt`));
  expect(receipts(first.messageId)).toHaveLength(1);
  expect(receipts(second.messageId)).toHaveLength(1);
  expect(receipts(first.messageId)[0]!.seq).toBeLessThan(receipts(second.messageId)[0]!.seq);
  const wms = await env.sandbox.ledger({ plant: 'P200', system: 'wms', operation: 'receipt.create' });
  expect(wms.filter((e) => (e.idempotencyKey ?? '').includes(`/${first.messageId}/`))).toHaveLength(1);
});
