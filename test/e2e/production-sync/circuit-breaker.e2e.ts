import { randomUUID } from 'node:crypto';
import { CircuitBreakerRegistry } from '@plantsync/messaging';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSyncEnv, until, type SyncEnv } from './production-sync.harness';

/**
 * production-sync calls the system APIs through one circuit per plant × system, like the other
 * process apps. An open circuit refuses without calling: the delivery is deferred to the end of the
 * cool-down without spending an attempt, so an outage longer than the retry budget still posts once
 * the ERP is back — never a dead letter.
 */
jest.setTimeout(120_000);

// Shorter than the defaults (5 outages, 30 s) so the circuit opens and cools down within the test.
const CIRCUIT_ENV = { PLANTSYNC_CIRCUIT_FAILURE_THRESHOLD: '2', PLANTSYNC_CIRCUIT_COOL_DOWN_MS: '3000' };
/** Longer than the harness' whole retry budget (5 attempts, 0.4 s doubling to 1.5 s: about 4 s). */
const ERP_DOWN_SECONDS = 10;

let env: SyncEnv;
beforeAll(async () => {
  Object.assign(process.env, CIRCUIT_ENV);
  env = await startSyncEnv();
});
afterAll(async () => {
  for (const name of Object.keys(CIRCUIT_ENV)) delete process.env[name];
  await env?.close();
});

const statusOf = async (messageId: string) =>
  (await env.mes.request('GET', `/v1/plants/P200/production-performance/${messageId}`, { key: DEMO_KEYS.service })).body
    .status as string;

it('defers confirmations while the circuit of P200 ERP is open, then posts each once; no dead letter', async () => {
  await env.sandbox.setFault('P200', 'erp', { downForSeconds: ERP_DOWN_SECONDS });
  const messageId = `MES-P200-${randomUUID().slice(0, 8)}`;
  try {
    const accepted = await env.mes.request('POST', '/v1/plants/P200/production-performance', {
      key: DEMO_KEYS.service,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        messageId,
        plant: 'P200',
        productionOrder: 'MO-P200-0003',
        sequence: 1,
        operation: '0010',
        workCenter: 'P200-WC-WELD',
        yield: { value: '6', unit: 'EA' },
        scrap: { value: '0', unit: 'EA' },
        final: false,
        reportedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      },
    });
    expect(accepted.status).toBeLessThan(300);
    // The outage opens P200's ERP circuit in production-sync (and leaves other plants' alone).
    const breakers = env.app.get(CircuitBreakerRegistry);
    await until(async () => breakers.state('P200', 'erp'), (s) => s !== 'closed', 30_000);
    expect(breakers.state('P100', 'erp')).toBe('closed');
    await until(() => statusOf(messageId), (s) => s === 'posted', 60_000);
  } finally {
    await env.sandbox.clearFaults();
  }

  const erp = await env.sandbox.ledger({ plant: 'P200', system: 'erp', operation: 'stock.picking.button_validate' });
  const wms = await env.sandbox.ledger({ plant: 'P200', system: 'wms', operation: 'receipt.create' });
  const mine = (entries: Array<{ idempotencyKey?: string | null }>, kind: string) =>
    entries.filter((e) => (e.idempotencyKey ?? '').includes(`/${messageId}/${kind}`)).length;
  expect({ erpReceipts: mine(erp, 'erp-receipt'), wmsReceipts: mine(wms, 'wms-receipt') }).toEqual({
    erpReceipts: 1,
    wmsReceipts: 1,
  });
  const letters = await env.request('GET', '/v1/dead-letters?queue=events.production-sync', { key: DEMO_KEYS.admin });
  expect(letters.status).toBe(200);
  expect(letters.body.items).toEqual([]);
});
