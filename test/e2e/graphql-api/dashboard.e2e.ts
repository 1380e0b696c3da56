import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SyncException } from '../../../apps/process/production-sync/src/exceptions/sync-exception.entity';
import { DEMO_SCENARIOS } from '../../../apps/sandbox/src/dataset/scenarios';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startGraphqlApi, type GraphqlApiHarness } from '../../support/graphql-api.harness';
import { watch } from '../../support/graphql-ws.client';
import { startProcessApp, type ProcessAppHarness } from '../../support/process-app.harness';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

jest.setTimeout(180_000);

const SYNC_HEALTH = /* GraphQL */ `
  query Health($plant: String, $staleOnly: Boolean) {
    syncHealth(plant: $plant, staleOnly: $staleOnly) {
      generatedAt windowSeconds
      entries { plant domain stale staleReasons lastSuccessfulSync backlog failureRate deadLetters observed failures { businessKey reason impact kind at } }
    }
  }
`;
const SYNC_HEALTH_CHANGED = /* GraphQL */ `
  subscription Changes($plant: String, $domain: SyncDomain) { syncHealthChanged(plant: $plant, domain: $domain) { plant domain stale staleReasons } }
`;
const EXCEPTIONS = /* GraphQL */ `
  query Exceptions($plant: String, $kinds: [OperationalExceptionKind!], $first: Int) {
    exceptions(plant: $plant, kinds: $kinds, first: $first) {
      items { id kind source plant businessKey reason since reference }
      truncated
      unavailableSources { source code message retryable }
    }
  }
`;
const DEAD_LETTERS = /* GraphQL */ `
  query DeadLetters($source: DeadLetterSource, $status: DeadLetterStatus) {
    deadLetters(source: $source, status: $status) {
      total truncated
      groups { source reason count oldest newest queues sampleBusinessKeys samples { id source queue jobName reason businessKey status createdAt } }
      unavailableSources { source code }
    }
  }
`;
const DISCARD = /* GraphQL */ `mutation Discard($id: ID!, $reason: String!) { discardDeadLetter(id: $id, reason: $reason) { id status discardReason replayCount } }`;
const REPLAY = /* GraphQL */ `mutation Replay($id: ID!) { replayDeadLetter(id: $id) { id status replayCount } }`;
const REPLAY_MANY = /* GraphQL */ `mutation ReplayMany($filter: DeadLetterFilter!) { replayDeadLetters(filter: $filter) { replayed failed unavailableSources { source } } }`;
const START = /* GraphQL */ `
  mutation Start($plant: String!, $order: String!, $cmid: String!) {
    startOrderRelease(plant: $plant, productionOrderId: $order, clientMutationId: $cmid) { orderRelease { id status } }
  }
`;
const RELEASE = /* GraphQL */ `query Release($id: ID!) { orderRelease(id: $id) { id status failure { code reason } } }`;
const TRANSFER = /* GraphQL */ `query Transfer($id: ID!) { inventoryTransfer(id: $id) { id status failure { code reason } } }`;

/**
 * The integration dashboard end to end: sandbox, the three system APIs, every process app and two
 * graphql-api instances on one Redis, through a real GraphQL client over HTTP and graphql-ws.
 */
describe('graphql-api: dashboard (sync health, exceptions, dead letters)', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let mes: SystemApiHarness;
  let releases: ProcessAppHarness;
  let transfers: ProcessAppHarness;
  let productionSync: ProcessAppHarness;
  let reconciliation: ReconciliationHarness;
  let gql: GraphqlApiHarness;
  let gql2: GraphqlApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    [erp, wms, mes] = await Promise.all([
      startSystemApi('erp-api', { sandboxUrl: sandbox.url, timeoutMs: 3000 }),
      startSystemApi('wms-api', { sandboxUrl: sandbox.url, timeoutMs: 3000 }),
      startSystemApi('mes-api', { sandboxUrl: sandbox.url, timeoutMs: 3000 }),
    ]);
    const systemApis = { erp: erp.url, wms: wms.url, mes: mes.url };
    // Two tries close together: a job that keeps failing becomes a dead letter quickly.
    const fast = { attempts: 2, baseDelayMs: 50, maxDelayMs: 100 };
    releases = await startProcessApp('order-release', { systemApis, retryPolicies: { 'order-release': fast } });
    transfers = await startProcessApp('inventory-transfer', { systemApis, retryPolicies: { 'inventory-transfer': fast } });
    productionSync = await startProcessApp('production-sync', { systemApis });
    reconciliation = await startReconciliation({ systemApis });
    const urls = { ...systemApis, orderRelease: releases.url, inventoryTransfer: transfers.url, productionSync: productionSync.url, reconciliation: reconciliation.url };
    const env = { GRAPHQL_SYNC_HEALTH_POLL_MS: '300', GRAPHQL_PROGRESS_POLL_MS: '200' };
    gql = await startGraphqlApi({ urls, sandboxUrl: sandbox.url, env });
    gql2 = await startGraphqlApi({ urls, sandboxUrl: sandbox.url, env: { ...env, PLANTSYNC_REDIS_PREFIX: process.env.PLANTSYNC_REDIS_PREFIX as string } });
  });

  afterAll(async () => {
    await sandbox?.clearFaults();
    await gql2?.close();
    await gql?.close();
    for (const app of [reconciliation, productionSync, transfers, releases]) await app?.close();
    await Promise.all([erp?.close(), wms?.close(), mes?.close()]);
    await sandbox?.close();
  });

  const as = (key: string) => (query: string, variables: Record<string, unknown> = {}) => gql.query(query, { key, variables });
  const planner = as(DEMO_KEYS.planner);
  const admin = as(DEMO_KEYS.admin);

  async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > end) throw new Error(`${what} never happened; last: ${JSON.stringify(value).slice(0, 1500)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  const releaseIn = (id: string, statuses: string[]) =>
    until(`release ${id} ${statuses.join('/')}`, async () => (await planner(RELEASE, { id })).body.data?.orderRelease, (r) => r && statuses.includes(r.status));

  it('shows P200 stale while its ERP is down, and streams the change to subscribers on both instances', async () => {
    const health = async (variables: Record<string, unknown> = {}) => {
      const res = await planner(SYNC_HEALTH, variables);
      expect(res.body.errors).toBeUndefined();
      return res.body.data.syncHealth.entries as any[];
    };
    expect((await health({ plant: 'P200' })).every((e) => e.stale === false)).toBe(true);

    const viaSecond = watch(gql2.url, { 'x-api-key': DEMO_KEYS.planner }, SYNC_HEALTH_CHANGED, { plant: 'P200', domain: 'INVENTORY' });
    const viaFirst = watch(gql.url, { 'x-api-key': DEMO_KEYS.admin }, SYNC_HEALTH_CHANGED, { plant: 'P200', domain: 'INVENTORY' });
    try {
      for (const sub of [viaSecond, viaFirst]) await sub.until((e) => e.plant === 'P200' && e.domain === 'INVENTORY' && e.stale === false);

      await sandbox.setFault('P200', 'erp', { downForSeconds: 120 });
      const down = await health({ plant: 'P200' });
      const inventory = down.find((e) => e.domain === 'INVENTORY');
      expect(inventory).toMatchObject({ plant: 'P200', stale: true });
      expect(inventory.staleReasons.join(' ')).toMatch(/ERP of P200/);
      expect(inventory.failures[0]).toMatchObject({ businessKey: null, kind: 'BACKEND_DOWN' });
      expect(down.find((e) => e.domain === 'MASTER_DATA').stale).toBe(true);
      const staleOnly = await health({ staleOnly: true });
      expect(staleOnly.length).toBeGreaterThan(0);
      expect(staleOnly.every((e) => e.stale && e.plant === 'P200')).toBe(true);

      const staleSeen = await Promise.all([viaSecond, viaFirst].map((sub) => sub.until((e) => e.stale === true)));
      for (const event of staleSeen) expect(event.staleReasons.join(' ')).toMatch(/ERP of P200/);

      await sandbox.clearFaults();
      for (const sub of [viaSecond, viaFirst]) {
        const staleAt = sub.events.findIndex((e) => e.stale === true);
        await sub.until((e) => e.stale === false && sub.events.indexOf(e) > staleAt);
        // Only P200 inventory was asked for; nothing else reached this subscriber.
        expect(sub.events.every((e) => e.plant === 'P200' && e.domain === 'INVENTORY')).toBe(true);
        expect(sub.errors).toEqual([]);
      }
      expect((await health({ plant: 'P200' })).every((e) => e.stale === false)).toBe(true);
    } finally {
      viaSecond.close();
      viaFirst.close();
      await sandbox.clearFaults();
    }
  });

  it('lists blocked and failed releases, failed transfers, reconciliation differences and sequence gaps in one shape', async () => {
    // MO-P300-0002 is short of shaft seals that no purchase order covers: it waits for a planner.
    const shortage = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;
    const started = await planner(START, { plant: 'P300', order: shortage.productionOrder, cmid: randomUUID() });
    expect(started.body.errors).toBeUndefined();
    const releaseId = started.body.data.startOrderRelease.orderRelease.id;
    await releaseIn(releaseId, ['AWAITING_APPROVAL']);

    // Bearings asked for in boxes: the transfer fails validation (they move in EA).
    const requested = await planner(
      `mutation($input: RequestInventoryTransferInput!) { requestInventoryTransfer(input: $input) { inventoryTransfer { id } } }`,
      { input: { clientMutationId: `dashboard-${randomUUID()}`, item: 'BRG-6205', quantity: { value: '4', unit: 'BOX' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Cover the P300 gearbox line' } },
    );
    expect(requested.body.errors).toBeUndefined();
    const transferId = requested.body.data.requestInventoryTransfer.inventoryTransfer.id;
    await until('transfer failed', async () => (await planner(TRANSFER, { id: transferId })).body.data?.inventoryTransfer, (t) => t?.status === 'FAILED');

    // The ERP books line-side screws as in quality inspection while the WMS has them unrestricted:
    // a status mismatch reconciliation leaves to a data steward.
    const drift = await fetch(`${sandbox.url}/admin/drift`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ plant: 'P100', kind: 'flip', item: 'SCR-M6X20', location: 'P100-LINE1', system: 'erp' }),
    });
    expect(drift.ok).toBe(true);
    const run = await reconciliation.request('POST', '/v1/reconciliation-runs', {
      key: DEMO_KEYS.service,
      headers: { 'idempotency-key': `dashboard-${randomUUID()}` },
      body: { plant: 'P100', domain: 'inventory' },
    });
    expect(run.status).toBe(202);
    await until('reconciliation run', async () => (await reconciliation.request('GET', `/v1/reconciliation-runs/${run.body.id}`, { key: DEMO_KEYS.planner })).body, (r) => r.status === 'completed');

    // A sequence gap as production-sync records it once its timeout passed (raising one through the
    // MES takes the MES relay and a gap timeout; production-sync's own e2e proves that path).
    await productionSync.app.get(DataSource).getRepository(SyncException).insert({
      id: 'P200/MO-P200-0001/gap-2',
      plant: 'P200',
      productionOrder: 'MO-P200-0001',
      kind: 'sequence-gap',
      missingSequences: '2',
      waitingSequences: '3,4',
      detail: 'MES confirmations 3, 4 of MO-P200-0001 wait behind missing sequence 2',
      openedAt: new Date(),
    });

    const res = await planner(EXCEPTIONS);
    expect(res.body.errors).toBeUndefined();
    const { items, unavailableSources } = res.body.data.exceptions;
    expect(unavailableSources).toEqual([]);
    const byKind = (kind: string) => items.filter((e: any) => e.kind === kind);
    expect(byKind('RELEASE_AWAITING_APPROVAL')).toEqual([
      expect.objectContaining({ source: 'ORDER_RELEASE', plant: 'P300', businessKey: `P300/${shortage.productionOrder}`, reference: releaseId, since: expect.any(String) }),
    ]);
    expect(byKind('RELEASE_AWAITING_APPROVAL')[0].reason).toMatch(new RegExp(`Short of ${shortage.item} \\(need ${shortage.required} EA, ${shortage.available} available\\)`));
    expect(byKind('TRANSFER_FAILED')).toEqual([expect.objectContaining({ source: 'INVENTORY_TRANSFER', plant: 'P100', businessKey: 'P100-P300/BRG-6205', reference: transferId })]);
    expect(byKind('TRANSFER_FAILED')[0].reason).toMatch(/EA/);
    const screws = byKind('RECONCILIATION_DIFFERENCE').find((e: any) => e.businessKey === 'P100/SCR-M6X20@P100-LINE1');
    expect(screws).toMatchObject({ source: 'RECONCILIATION', plant: 'P100' });
    expect(screws.reference.startsWith(`${run.body.id}#`)).toBe(true);
    expect(byKind('SEQUENCE_GAP')).toEqual([
      expect.objectContaining({ source: 'PRODUCTION_SYNC', plant: 'P200', businessKey: 'P200/MO-P200-0001', reference: 'P200/MO-P200-0001/gap-2' }),
    ]);
    // Newest first.
    const since = items.map((e: any) => e.since);
    expect([...since].sort().reverse()).toEqual(since);

    // Filters: a plant, and kinds.
    const p200 = (await planner(EXCEPTIONS, { plant: 'P200' })).body.data.exceptions.items;
    expect(p200.map((e: any) => e.kind)).toEqual(['SEQUENCE_GAP']);
    const gaps = (await planner(EXCEPTIONS, { kinds: ['SEQUENCE_GAP', 'TRANSFER_FAILED'] })).body.data.exceptions.items;
    expect(new Set(gaps.map((e: any) => e.kind))).toEqual(new Set(['SEQUENCE_GAP', 'TRANSFER_FAILED']));
    const one = (await planner(EXCEPTIONS, { first: 1 })).body.data.exceptions;
    expect(one).toMatchObject({ truncated: true, items: [items[0]] });
  });

  it('keeps answering with the sources that do answer, naming the one that does not', async () => {
    const partial = await startGraphqlApi({
      urls: { erp: erp.url, wms: wms.url, mes: mes.url, orderRelease: releases.url, inventoryTransfer: transfers.url, reconciliation: reconciliation.url, productionSync: 'http://127.0.0.1:9' },
      sandboxUrl: sandbox.url,
      timeoutMs: 2000,
    });
    try {
      const res = await partial.query(EXCEPTIONS, { key: DEMO_KEYS.planner });
      expect(res.body.errors).toBeUndefined();
      const { items, unavailableSources } = res.body.data.exceptions;
      expect(unavailableSources).toEqual([expect.objectContaining({ source: 'PRODUCTION_SYNC', code: 'UPSTREAM_UNAVAILABLE', retryable: true })]);
      expect(unavailableSources[0].message).not.toMatch(/127\.0\.0\.1|http/);
      expect(items.some((e: any) => e.kind === 'RELEASE_AWAITING_APPROVAL')).toBe(true);
      expect(items.some((e: any) => e.kind === 'SEQUENCE_GAP')).toBe(false);
      // The one field that has a single source fails with the code instead.
      const health = await partial.query(SYNC_HEALTH, { key: DEMO_KEYS.planner });
      expect(health.body.errors).toBeUndefined();
      const gone = await startGraphqlApi({ urls: { erp: erp.url, wms: wms.url, reconciliation: 'http://127.0.0.1:9' }, sandboxUrl: sandbox.url, timeoutMs: 2000 });
      try {
        const failed = await gone.query(SYNC_HEALTH, { key: DEMO_KEYS.planner });
        expect(failed.body.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
        expect(JSON.stringify(failed.body)).not.toMatch(/127\.0\.0\.1/);
      } finally {
        await gone.close();
      }
    } finally {
      await partial.close();
    }
  });

  it('groups dead letters by reason for planners; only admins discard and replay them, named downstream', async () => {
    // The plant floor's MES is down at P100 and P200: dispatching work orders fails for good.
    await sandbox.setFault('P100', 'mes', { downForSeconds: 600 });
    await sandbox.setFault('P200', 'mes', { downForSeconds: 600 });
    const orders = ['MO-P100-0003', 'MO-P200-0005'];
    const ids: string[] = [];
    try {
      for (const order of orders) {
        const started = await planner(START, { plant: order.slice(3, 7), order, cmid: randomUUID() });
        expect(started.body.errors).toBeUndefined();
        ids.push(started.body.data.startOrderRelease.orderRelease.id);
      }
      for (const id of ids) await releaseIn(id, ['FAILED']);
    } finally {
      await sandbox.clearFaults();
    }

    const report = await until(
      'dead letters',
      async () => (await planner(DEAD_LETTERS, { source: 'ORDER_RELEASE' })).body.data?.deadLetters,
      (r) => r?.groups.some((g: any) => orders.every((o) => g.sampleBusinessKeys.some((k: string) => k.includes(o)))),
    );
    expect(report.unavailableSources).toEqual([]);
    const group = report.groups.find((g: any) => orders.every((o) => g.sampleBusinessKeys.some((k: string) => k.includes(o))));
    expect(group).toMatchObject({ source: 'ORDER_RELEASE', queues: ['order-release'] });
    expect(group.count).toBeGreaterThanOrEqual(2);
    expect(group.oldest <= group.newest).toBe(true);
    const letterOf = (order: string) => group.samples.find((s: any) => s.businessKey?.includes(order));
    const p100 = letterOf('MO-P100-0003');
    const p200 = letterOf('MO-P200-0005');
    expect(p100.id).toMatch(/^order-release:[0-9a-f-]{36}$/);
    // docs/graphql.md replays by this reason.
    expect(group.reason).toBe('backend-unavailable');
    // The failed releases are exceptions too.
    const failed = (await planner(EXCEPTIONS, { kinds: ['RELEASE_FAILED'] })).body.data.exceptions.items;
    expect(failed.map((e: any) => e.reference)).toEqual(expect.arrayContaining(ids));

    // Planners read, never act.
    for (const [query, variables] of [
      [DISCARD, { id: p100.id, reason: 'MES at P100 replaced the work order by hand' }],
      [REPLAY, { id: p100.id }],
      [REPLAY_MANY, { filter: { reason: p100.reason } }],
    ] as const) {
      const res = await planner(query, variables);
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await as(DEMO_KEYS.supplier1001)(DEAD_LETTERS)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const discarded = await admin(DISCARD, { id: p100.id, reason: 'MES at P100 replaced the work order by hand' });
    expect(discarded.body.errors).toBeUndefined();
    expect(discarded.body.data.discardDeadLetter).toMatchObject({ id: p100.id, status: 'DISCARDED' });
    expect(discarded.body.data.discardDeadLetter.discardReason).toBe('MES at P100 replaced the work order by hand (by admin:demo-admin via demo-service)');
    const stored = await releases.request('GET', `/v1/dead-letters/${p100.id.split(':')[1]}`, { key: DEMO_KEYS.admin });
    expect(stored.body).toMatchObject({ status: 'discarded', discardReason: expect.stringContaining('admin:demo-admin') });
    expect((await admin(DISCARD, { id: p100.id, reason: 'again' })).body.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await admin(REPLAY, { id: p100.id })).body.errors?.[0].extensions?.code).toBe('CONFLICT');

    expect((await admin(REPLAY, { id: 'PO-P100-0001' })).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await admin(REPLAY, { id: 'order-release:7c1e0a54-3c2b-4b5e-9f0a-1d2c3b4a5f6e' })).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await admin(REPLAY_MANY, { filter: { source: 'ORDER_RELEASE' } })).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // The MES is back: replay P200's by its business key. The release already compensated and ended,
    // so the replayed dispatch changes nothing; the dead letter is marked replayed once.
    const replayed = await admin(REPLAY_MANY, { filter: { source: 'ORDER_RELEASE', businessKey: p200.businessKey } });
    expect(replayed.body.errors).toBeUndefined();
    expect(replayed.body.data.replayDeadLetters).toMatchObject({ replayed: [p200.id], failed: [], unavailableSources: [] });
    const again = await admin(REPLAY_MANY, { filter: { source: 'ORDER_RELEASE', businessKey: p200.businessKey } });
    expect(again.body.data.replayDeadLetters.replayed).toEqual([]);
    const replayedReport = (await planner(DEAD_LETTERS, { source: 'ORDER_RELEASE', status: 'REPLAYED' })).body.data.deadLetters;
    expect(replayedReport.groups.flatMap((g: any) => g.samples).find((s: any) => s.id === p200.id)).toMatchObject({ status: 'REPLAYED' });
    expect((await planner(RELEASE, { id: ids[1] })).body.data.orderRelease.status).toBe('FAILED');
  });
  it('refuses suppliers every dashboard field and subscription (FORBIDDEN), before anything is read', async () => {
    for (const auth of [{ key: DEMO_KEYS.supplier1001 }, { key: DEMO_KEYS.supplier1002 }]) {
      for (const query of [SYNC_HEALTH, EXCEPTIONS, DEAD_LETTERS]) {
        const res = await gql.query(query, auth);
        expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(res.body.data).toBeNull();
      }
    }
    const sub = watch(gql.url, { 'x-api-key': DEMO_KEYS.supplier1001 }, SYNC_HEALTH_CHANGED, { plant: 'P100' });
    try {
      await sub.completed;
      expect(sub.events).toEqual([]);
      expect(sub.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      sub.close();
    }
  });

  it("runs docs/graphql.md's dashboard queries as written", async () => {
    const text = readFileSync(join(__dirname, '../../../docs/graphql.md'), 'utf8');
    const section = text.slice(text.indexOf('### Dashboard'), text.indexOf('## Later'));
    const queries = [...section.matchAll(/```gql\n# key: (\w+)\n(query[\s\S]*?)```/g)];
    expect(queries.map(([, , q]) => /query (\w+)/.exec(q)![1])).toEqual(['SyncHealth', 'WhatIsStuck', 'DeadLetters']);
    for (const [, key, query] of queries) {
      const res = await gql.query(query, { key: DEMO_KEYS[key as keyof typeof DEMO_KEYS] });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toBeTruthy();
    }
  });
});
