import { randomUUID } from 'node:crypto';
import { eventQueueName, EventTypes } from '@plantsync/messaging';
import { Client } from 'pg';
import type { LedgerEntry } from '../../apps/sandbox/src/core';
import { DEMO_KEYS } from '../support/demo-keys';
import { apiClient } from '../support/http-client';
import { waitUntil } from './support/bounded-wait';
import { FaultPlatform } from './support/fault-platform';
import { doublePostings } from './support/ledger-proof';
import { queueJobs } from './support/queue-inspection';
import { SyncObservationRecorder } from './support/sync-observation-recorder';

/**
 * production-sync scales by adding worker processes on the same queues. Two worker processes on
 * PostgreSQL (as in production) take the MES' reports for a handful of orders at once — duplicates
 * and out-of-order arrivals included — so both drain the same order at the same time. Every
 * confirmation is applied once, each order's ERP postings follow the MES sequence, every order
 * completes once, and no drain trips over the other (no retried or failed delivery).
 */
jest.setTimeout(300_000);

/** Released (or running) orders whose ERP accepts confirmations; 50 confirmations each. */
const ORDERS = [
  'MO-P100-0001',
  'MO-P100-0009',
  'MO-P200-0001',
  'MO-P200-0002',
  'MO-P200-0003',
  'MO-P200-0004',
];
const PER_ORDER = 50;
const plantOf = (order: string) => order.slice(3, 7);

interface Confirmation {
  messageId: string;
  plant: string;
  productionOrder: string;
  sequence: number;
  yield: { value: string; unit: string };
  scrap: { value: string; unit: string };
  final: boolean;
  reportedAt: string;
}

let platform: FaultPlatform;
let syncHealth: SyncObservationRecorder;

beforeAll(async () => {
  syncHealth = await SyncObservationRecorder.start();
  platform = await FaultPlatform.start({
    name: 'faults-sync-replicas',
    database: 'postgres',
    processEnv: { RECONCILIATION_API_URL: syncHealth.url },
  });
});

afterAll(async () => {
  await platform?.close();
  await syncHealth?.close();
});

/** A deterministic shuffle (seeded LCG): reproducible reordering across runs. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `production-sync/<plant>/<messageId>/<kind>` inside the ledger entry's idempotency key. */
const KEY = /production-sync\/(P\d{3})\/([^/]+)\/([a-z0-9-]+(?:-[A-Z0-9-]+)?)/;
const keyOf = (e: LedgerEntry) => KEY.exec(e.idempotencyKey ?? '');

it('two worker processes drain the same orders at once: each confirmation posted once, in sequence', async () => {
  const { worker } = await platform.startApp('production-sync');
  const second = await platform.startProcess('production-sync', { role: 'worker' });
  await second.waitForLog(/worker running/);
  // Slower ERP answers widen the window in which both workers are inside one order's drain.
  for (const plant of ['P100', 'P200'])
    await platform.sandbox.setFault(plant, 'erp', { latencyMs: 15 });

  const reportedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const run = randomUUID().slice(0, 6);
  const byOrder = new Map<string, Confirmation[]>();
  for (const order of ORDERS)
    byOrder.set(
      order,
      Array.from({ length: PER_ORDER }, (_, i) => ({
        messageId: `MES-${order.slice(3)}-${run}-${String(i + 1).padStart(3, '0')}`,
        plant: plantOf(order),
        productionOrder: order,
        sequence: i + 1,
        // Every tenth reports a unit of output (receipts and backflush); the rest record the operation only.
        yield: { value: (i + 1) % 10 === 0 ? '1' : '0', unit: 'EA' },
        scrap: { value: '0', unit: 'EA' },
        final: i + 1 === PER_ORDER,
        reportedAt,
      })),
    );
  const all = [...byOrder.values()].flat();

  // The MES sends in batches of 10 per order: consecutive batches out of order (a late batch closes
  // the gap of earlier arrivals), orders interleaved, and every seventh message once more later.
  const mes = apiClient(platform.systemUrl('mes'));
  const batches: Confirmation[][] = [];
  for (const [o, order] of ORDERS.entries()) {
    const list = byOrder.get(order)!;
    const chunks = Array.from({ length: PER_ORDER / 10 }, (_, i) =>
      list.slice(i * 10, i * 10 + 10),
    );
    for (const [c, chunk] of shuffled(chunks, 17 + o).entries())
      batches[c * ORDERS.length + o] = shuffled(chunk, 31 + c);
  }
  // Repeats are sent per plant after everything else (a batch names one plant).
  const duplicates = all.filter((_, i) => i % 7 === 3);
  const repeats = ['P100', 'P200'].flatMap((plant) => {
    const own = duplicates.filter((c) => c.plant === plant);
    return Array.from({ length: Math.ceil(own.length / 10) }, (_, i) =>
      own.slice(i * 10, i * 10 + 10),
    );
  });
  let accepted = 0;
  let duplicated = 0;
  for (const [i, confirmations] of [...batches, ...repeats].entries()) {
    const res = await mes('POST', `/v1/plants/${confirmations[0]!.plant}/production-performance`, {
      key: DEMO_KEYS.service,
      body: { confirmations },
      headers: { 'idempotency-key': `${run}-report-${i}` },
    });
    expect(res.status).toBe(202);
    accepted += (res.body.accepted as string[]).length;
    duplicated += (res.body.duplicates as string[]).length;
  }
  expect({ accepted, duplicated }).toEqual({ accepted: all.length, duplicated: duplicates.length });

  // mes-api reads 'posted' for every message (a late 'waiting' from the other worker would show here).
  const statusOf = async (c: Confirmation) =>
    (
      await mes('GET', `/v1/plants/${c.plant}/production-performance/${c.messageId}`, {
        key: DEMO_KEYS.service,
      })
    ).body.status as string;
  await waitUntil(
    'the final confirmation of every order posted',
    async () =>
      (await Promise.all(ORDERS.map((o) => statusOf(byOrder.get(o)!.at(-1)!)))).every(
        (s) => s === 'posted',
      ),
    { timeoutMs: 240_000, intervalMs: 500 },
  );
  const statuses = new Map<string, number>();
  for (const c of all) {
    const s = await statusOf(c);
    statuses.set(s, (statuses.get(s) ?? 0) + 1);
  }
  expect(Object.fromEntries(statuses)).toEqual({ posted: all.length });

  // Exactly once in the ledger: one operation confirmation per message, one ERP and one WMS receipt
  // per message with output; and no posting of any kind applied twice under one key. (Identical
  // contents are expected: every tenth message of an order backflushes the same unit.)
  const ledger = await platform.sandbox.ledger();
  const ours = ledger.filter((e) => keyOf(e)?.[2]?.includes(`-${run}-`));
  expect(
    doublePostings(ours, (e) => `${e.plant}/${e.system}/${e.operation}/${e.idempotencyKey}`),
  ).toEqual([]);
  const perKind = new Map<string, number>();
  for (const e of ours) {
    const [, plant, messageId, kind] = keyOf(e)!;
    const k = `${plant} ${e.system} ${e.operation} ${kind} ${messageId}`;
    perKind.set(k, (perKind.get(k) ?? 0) + 1);
  }
  expect([...perKind.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  // Messages that reached the backend with a posting of this kind (one posting may be several ledger calls).
  const count = (kind: string) =>
    new Set(ours.filter((e) => keyOf(e)![3] === kind).map((e) => keyOf(e)![2])).size;
  const withOutput = all.filter((c) => c.yield.value !== '0').length;
  expect({
    confirmations: count('erp-confirmation'),
    erpReceipts: count('erp-receipt'),
    wmsReceipts: count('wms-receipt'),
  }).toEqual({
    confirmations: all.length,
    erpReceipts: withOutput,
    wmsReceipts: withOutput,
  });

  // Per order, the ERP recorded the confirmations in the MES' sequence.
  const sequenceOf = new Map(all.map((c) => [c.messageId, c.sequence]));
  for (const order of ORDERS) {
    const recorded = ours
      .filter(
        (e) =>
          keyOf(e)![3] === 'erp-confirmation' &&
          e.operation === 'mrp.production.plantsync_record_production' &&
          keyOf(e)![2]!.startsWith(`MES-${order.slice(3)}-`),
      )
      .sort((a, b) => a.seq - b.seq)
      .map((e) => sequenceOf.get(keyOf(e)![2]!));
    expect({ order, recorded }).toEqual({
      order,
      recorded: Array.from({ length: PER_ORDER }, (_, i) => i + 1),
    });
  }

  // One WorkOrderCompleted per order (its final confirmation), nothing dead-lettered.
  const db = platform.databaseEnv('production-sync');
  const pg = new Client({ connectionString: db.DATABASE_URL });
  await pg.connect();
  try {
    const schema = `"${db.DATABASE_SCHEMA}"`;
    const completed = await pg.query<{ subject: string; n: string }>(
      `SELECT subject, count(*) AS n FROM ${schema}.outbox_event WHERE type = $1 GROUP BY subject ORDER BY subject`,
      [EventTypes.WorkOrderCompleted],
    );
    expect(completed.rows.map((r) => [r.subject, Number(r.n)])).toEqual(
      ORDERS.map((o) => [`${plantOf(o)}/${o}`, 1]).sort(),
    );
    const dead = await pg.query<{ reason: string }>(`SELECT reason FROM ${schema}.dead_letter`);
    expect(dead.rows).toEqual([]);
  } finally {
    await pg.end();
  }

  // Sync health heard of each posting once, and of no failure (the workers flush every second).
  const expected = all.map((c) => `${c.plant} ${c.productionOrder}/-/${c.sequence}`).sort();
  const reported = () =>
    syncHealth.observations
      .filter((o) => o.domain === 'production' && o.outcome === 'success')
      .map((o) => `${o.plant} ${o.businessKey}`)
      .sort();
  await waitUntil(
    'every posting reported to sync health',
    () => reported().length >= expected.length,
    { timeoutMs: 30_000 },
  );
  expect(reported()).toEqual(expected);
  expect(
    syncHealth.observations
      .filter((o) => o.outcome !== 'success')
      .map((o) => `${o.businessKey} ${o.outcome} ${o.reason ?? ''}`),
  ).toEqual([]);

  // Both workers took deliveries, and none had to be retried or failed (no drain tripped over the other's).
  const jobs = await queueJobs(
    platform.redisUrl,
    platform.redisPrefix,
    eventQueueName('production-sync'),
  );
  const byPid = new Map<number, number>();
  for (const job of jobs.filter((j) => j.state === 'completed')) {
    const pid = Number(job.processedBy?.split(':').pop());
    byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
  }
  expect([...byPid.keys()].sort()).toEqual([worker.pid, second.pid].sort());
  expect(Math.min(...byPid.values())).toBeGreaterThan(0);
  expect(
    jobs
      .filter((j) => j.state === 'failed' || j.attemptsMade > 1)
      .map((j) => `${j.id} ${j.state} ${j.attemptsMade} ${j.failedReason ?? ''}`),
  ).toEqual([]);
});
