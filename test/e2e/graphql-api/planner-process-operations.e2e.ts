import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEMO_SCENARIOS } from '../../../apps/sandbox/src/dataset/scenarios';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startGraphqlApi, TEST_PORTAL_JWT_ISSUER, TEST_PORTAL_JWT_SECRET, type GraphqlApiHarness } from '../../support/graphql-api.harness';
import { watch } from '../../support/graphql-ws.client';
import { startProcessApp, type ProcessAppHarness } from '../../support/process-app.harness';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

const RELEASE_FIELDS = /* GraphQL */ `
  id plant productionOrder status currentStep createdAt updatedAt approvalDeadline workOrder requestedBy decidedBy cancelReason
  failure { step code reason }
  steps { name status attempts startedAt finishedAt lastError }
  shortages { item required { value unit } available { value unit } purchaseOrders }
  reservations { item id quantity { value unit } }
  compensations { step action status doneAt }
`;

const START = /* GraphQL */ `
  mutation Start($plant: String!, $order: String!, $cmid: String!) {
    startOrderRelease(plant: $plant, productionOrderId: $order, clientMutationId: $cmid) { clientMutationId orderRelease { ${RELEASE_FIELDS} } }
  }
`;
const GET = /* GraphQL */ `query Release($id: ID!) { orderRelease(id: $id) { ${RELEASE_FIELDS} } }`;
const RELEASE_PROGRESS = /* GraphQL */ `subscription Progress($id: ID!) { orderReleaseProgress(id: $id) { id status currentStep updatedAt steps { name status startedAt finishedAt } } }`;

describe('graphql-api: planner process operations (order release, inventory transfer)', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let mes: SystemApiHarness;
  let releases: ProcessAppHarness;
  let transfers: ProcessAppHarness;
  let gql: GraphqlApiHarness;
  /** A second graphql-api instance on the same Redis: progress must reach subscribers on both. */
  let gql2: GraphqlApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
    mes = await startSystemApi('mes-api', { sandboxUrl: sandbox.url });
    const systemApis = { erp: erp.url, wms: wms.url, mes: mes.url };
    releases = await startProcessApp('order-release', { systemApis });
    transfers = await startProcessApp('inventory-transfer', { systemApis, retryPolicies: { 'inventory-transfer': { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 } } });
    const urls = { ...systemApis, orderRelease: releases.url, inventoryTransfer: transfers.url };
    gql = await startGraphqlApi({ urls, sandboxUrl: sandbox.url, env: { GRAPHQL_PROGRESS_POLL_MS: '200' } });
    gql2 = await startGraphqlApi({ urls, sandboxUrl: sandbox.url, env: { GRAPHQL_PROGRESS_POLL_MS: '200', PLANTSYNC_REDIS_PREFIX: process.env.PLANTSYNC_REDIS_PREFIX as string } });
  }, 90_000);

  afterAll(async () => {
    await gql2?.close();
    await gql?.close();
    await transfers?.close();
    await releases?.close();
    for (const api of [mes, wms, erp]) await api?.close();
    await sandbox?.close();
  });

  const planner = (query: string, variables: Record<string, unknown>) => gql.query(query, { key: DEMO_KEYS.planner, variables });

  async function releaseUntil(id: string, statuses: string[], timeoutMs = 30_000): Promise<any> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const res = await planner(GET, { id });
      const release = res.body.data?.orderRelease;
      if (release && statuses.includes(release.status)) return release;
      if (Date.now() > end) throw new Error(`release ${id} never reached ${statuses.join('/')}: ${JSON.stringify(res.body).slice(0, 2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('starts a release of a clean planned order, replays it by clientMutationId and follows it to COMPLETED step by step', async () => {
    const order = DEMO_SCENARIOS.releasableOrders[0];
    const cmid = randomUUID();
    const started = await planner(START, { plant: 'P100', order, cmid });
    expect(started.body.errors).toBeUndefined();
    const release = started.body.data.startOrderRelease.orderRelease;
    expect(started.body.data.startOrderRelease.clientMutationId).toBe(cmid);
    expect(release).toMatchObject({ plant: 'P100', productionOrder: order });

    // The same clientMutationId by the same planner starts nothing new: the first release comes back.
    const again = await planner(START, { plant: 'P100', order, cmid });
    expect(again.body.data.startOrderRelease.orderRelease.id).toBe(release.id);

    const done = await releaseUntil(release.id, ['COMPLETED', 'FAILED']);
    expect(done.status).toBe('COMPLETED');
    expect(done.workOrder).toEqual(expect.any(String));
    expect(done.steps.length).toBeGreaterThan(3);
    for (const step of done.steps) {
      expect(step.status).toMatch(/^(DONE|SKIPPED)$/);
      if (step.status === 'DONE') expect(Date.parse(step.finishedAt)).toBeGreaterThanOrEqual(Date.parse(step.startedAt));
    }
    // Exactly one MES dispatch at the plant, although the mutation was sent twice.
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'mes', businessKey: order })).toBe(1);

    const listed = await planner(`query($plant: String) { orderReleases(plant: $plant, status: COMPLETED) { id productionOrder } }`, { plant: 'P100' });
    expect(listed.body.data.orderReleases.map((r: { id: string }) => r.id)).toContain(release.id);

    // A decision on a finished release is a CONFLICT with a stable code, never a backend message.
    const late = await planner(`mutation($id: ID!) { approveOrderRelease(id: $id) { status } }`, { id: release.id });
    expect(late.body.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(JSON.stringify(late.body)).not.toMatch(/127\.0\.0\.1|stack/);
  }, 60_000);

  it('stops a shortage release at AWAITING_APPROVAL with the covering purchase order; the planner approves by mutation and watches it complete over a subscription', async () => {
    const { productionOrder, item, purchaseOrder } = DEMO_SCENARIOS.shortageCoveredByPurchaseOrder;
    const started = await planner(START, { plant: 'P100', order: productionOrder, cmid: randomUUID() });
    expect(started.body.errors).toBeUndefined();
    const id = started.body.data.startOrderRelease.orderRelease.id;
    const progress = watch(gql.url, { 'x-api-key': DEMO_KEYS.planner }, RELEASE_PROGRESS, { id });
    try {
      await progress.until((e) => e.status === 'AWAITING_APPROVAL');
      const waiting = (await planner(GET, { id })).body.data.orderRelease;
      expect(waiting.approvalDeadline).toEqual(expect.any(String));
      const shortage = waiting.shortages.find((s: { item: string }) => s.item === item);
      expect(shortage.purchaseOrders).toContain(purchaseOrder);

      const approved = await planner(`mutation($id: ID!) { approveOrderRelease(id: $id) { id status decidedBy } }`, { id });
      expect(approved.body.errors).toBeUndefined();
      // The planner, not only the graphql-api's service key, is on record for the decision.
      expect(approved.body.data.approveOrderRelease.decidedBy).toBe('planner:demo-planner via demo-service');
      const done = await progress.until((e) => ['COMPLETED', 'FAILED'].includes(e.status));
      expect(done.status).toBe('COMPLETED');
      await progress.completed;
      expect(progress.errors).toEqual([]);
      // Every change arrives once, in order: never a status twice in a row for the same update.
      const statuses = progress.events.map((e) => e.status);
      expect(statuses[statuses.length - 1]).toBe('COMPLETED');
      expect(statuses.indexOf('AWAITING_APPROVAL')).toBeLessThan(statuses.indexOf('COMPLETED'));
      const stamps = progress.events.map((e) => e.updatedAt);
      expect(new Set(progress.events.map((e) => JSON.stringify(e))).size).toBe(stamps.length);
    } finally {
      progress.close();
    }
  }, 60_000);

  it('streams a clean release to COMPLETED to subscribers on two graphql-api instances (Redis pub/sub), with every step finished', async () => {
    const order = DEMO_SCENARIOS.releasableOrders[3];
    const started = await planner(START, { plant: 'P300', order, cmid: randomUUID() });
    const id = started.body.data.startOrderRelease.orderRelease.id;
    const onA = watch(gql.url, { 'x-api-key': DEMO_KEYS.planner }, RELEASE_PROGRESS, { id });
    const onB = watch(gql2.url, { 'x-api-key': DEMO_KEYS.planner }, RELEASE_PROGRESS, { id });
    try {
      await Promise.all([onA.completed, onB.completed]);
      for (const w of [onA, onB]) {
        expect(w.errors).toEqual([]);
        const last = w.events[w.events.length - 1];
        expect(last.status).toBe('COMPLETED');
        expect(last.steps.every((s: { status: string; finishedAt: string | null }) => s.status === 'SKIPPED' || (s.status === 'DONE' && s.finishedAt))).toBe(true);
      }
    } finally {
      onA.close();
      onB.close();
    }
  }, 60_000);

  it('refuses a supplier subscribing to a release (FORBIDDEN) and a connection without a valid key', async () => {
    const started = await planner(START, { plant: 'P200', order: DEMO_SCENARIOS.releasableOrders[1], cmid: randomUUID() });
    const id = started.body.data.startOrderRelease.orderRelease.id;
    const supplier = watch(gql.url, { 'x-api-key': DEMO_KEYS.supplier1001 }, RELEASE_PROGRESS, { id });
    await supplier.completed;
    supplier.close();
    expect(supplier.events).toEqual([]);
    expect(supplier.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const stranger = watch(gql.url, { 'x-api-key': 'ps_not_a_key' }, RELEASE_PROGRESS, { id });
    await stranger.completed;
    stranger.close();
    expect(stranger.events).toEqual([]);
    expect(stranger.errors[0]).toMatchObject({ code: 4403 });

    const unknown = watch(gql.url, { 'x-api-key': DEMO_KEYS.planner }, RELEASE_PROGRESS, { id: randomUUID() });
    await unknown.completed;
    unknown.close();
    expect(unknown.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);

    // The WebSocket serves subscriptions only: no queries (so no introspection) around Apollo's settings.
    for (const query of ['query { viewer { id } }', 'query { __schema { types { name } } }']) {
      const sneaky = watch(gql.url, { 'x-api-key': DEMO_KEYS.planner }, query, {});
      await sneaky.completed;
      sneaky.close();
      expect(sneaky.events).toEqual([]);
      expect(JSON.stringify(sneaky.errors)).toMatch(/Only subscriptions are served over WebSocket|BAD_USER_INPUT/);
      expect(JSON.stringify(sneaky.errors)).not.toContain('__Schema');
    }
  }, 60_000);

  it('rejects a shortage release with the reason, undoing its reservations', async () => {
    const { productionOrder } = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;
    const started = await planner(START, { plant: 'P300', order: productionOrder, cmid: randomUUID() });
    const id = started.body.data.startOrderRelease.orderRelease.id;
    await releaseUntil(id, ['AWAITING_APPROVAL']);

    const rejected = await planner(`mutation($id: ID!, $reason: String!) { rejectOrderRelease(id: $id, reason: $reason) { id } }`, {
      id,
      reason: 'Seals arrive next week; moved to the next slot',
    });
    expect(rejected.body.errors).toBeUndefined();
    const failed = await releaseUntil(id, ['FAILED']);
    expect(failed.failure.reason).toContain('Seals arrive next week');
    expect(failed.failure.reason).toContain('demo-planner');
    expect(failed.compensations.every((c: { status: string }) => c.status === 'done')).toBe(true);
  }, 60_000);

  it('refuses suppliers every release and transfer field (FORBIDDEN), and answers bad or unknown ids with stable codes', async () => {
    const supplier = (query: string, variables: Record<string, unknown>) => gql.query(query, { key: DEMO_KEYS.supplier1001, variables });
    const start = await supplier(START, { plant: 'P300', order: 'MO-P300-0009', cmid: randomUUID() });
    expect(start.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await supplier(GET, { id: randomUUID() });
    expect(read.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const transfer = await supplier(`query($id: ID!) { inventoryTransfer(id: $id) { id } }`, { id: randomUUID() });
    expect(transfer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Nothing was started on a supplier's behalf.
    const none = await planner(`query { orderReleases(productionOrder: "MO-P300-0009") { id } }`, {});
    expect(none.body.data.orderReleases).toEqual([]);

    const unknown = await planner(GET, { id: randomUUID() });
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await planner(GET, { id: 'not-a-release' });
    expect(malformed.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('requests a P100 → P300 transfer and follows it in transit with its steps and quantities', async () => {
    const request = /* GraphQL */ `
      mutation($input: RequestInventoryTransferInput!) {
        requestInventoryTransfer(input: $input) { clientMutationId inventoryTransfer { id status fromPlant toPlant quantities { requested { value unit } } } }
      }
    `;
    const input = {
      clientMutationId: randomUUID(),
      item: 'BRG-6205',
      quantity: { value: '12', unit: 'EA' },
      fromPlant: 'P100',
      toPlant: 'P300',
      reason: 'Cover the bearing shortage on the P300 gearbox line',
    };
    const res = await planner(request, { input });
    expect(res.body.errors).toBeUndefined();
    const id = res.body.data.requestInventoryTransfer.inventoryTransfer.id;
    const replay = await planner(request, { input });
    expect(replay.body.data.requestInventoryTransfer.inventoryTransfer.id).toBe(id);

    const end = Date.now() + 30_000;
    let transfer: any;
    for (;;) {
      const got = await planner(
        `query($id: ID!) { inventoryTransfer(id: $id) { id status stockTransport transferOrder quantities { requested { value } shipped { value } } steps { name status startedAt finishedAt } } }`,
        { id },
      );
      transfer = got.body.data?.inventoryTransfer;
      if (transfer && ['IN_TRANSIT', 'FAILED', 'EXCEPTION', 'COMPLETED'].includes(transfer.status)) break;
      if (Date.now() > end) throw new Error(`transfer never shipped: ${JSON.stringify(got.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(transfer.status).toBe('IN_TRANSIT');
    expect(transfer.quantities).toEqual({ requested: { value: '12' }, shipped: { value: '12' } });
    expect(transfer.transferOrder).toEqual(expect.any(String));
    expect(transfer.stockTransport).toMatch(/^P100\/STO\/\d+$/);
    expect(transfer.steps.filter((s: { status: string }) => s.status === 'DONE').length).toBeGreaterThan(2);
  }, 60_000);
  it('records the person behind each request and decision downstream (X-Acting-For), accepted only from the service key', async () => {
    const token = await new SignJWT({ scope: 'planner' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('olivia.brandt@plantsync.example')
      .setIssuer(TEST_PORTAL_JWT_ISSUER)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(TEST_PORTAL_JWT_SECRET));
    const olivia = (query: string, variables: Record<string, unknown>) => gql.query(query, { token, variables });
    const person = 'planner:jwt:olivia.brandt@plantsync.example via demo-service';

    const { productionOrder } = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;
    const started = await olivia(START, { plant: 'P300', order: productionOrder, cmid: randomUUID() });
    expect(started.body.errors).toBeUndefined();
    const id = started.body.data.startOrderRelease.orderRelease.id;
    expect(started.body.data.startOrderRelease.orderRelease.requestedBy).toBe(person);
    await releaseUntil(id, ['AWAITING_APPROVAL']);
    const cancelled = await olivia(`mutation($id: ID!) { cancelOrderRelease(id: $id, reason: "Customer order moved to P100") { id cancelReason } }`, { id });
    expect(cancelled.body.errors).toBeUndefined();
    expect(cancelled.body.data.cancelOrderRelease.cancelReason).toBe(`Customer order moved to P100 (by ${person})`);
    const ended = await releaseUntil(id, ['CANCELLED']);
    expect(ended).toMatchObject({ requestedBy: person, cancelReason: `Customer order moved to P100 (by ${person})` });
    // order-release's own record says the same.
    const stored = await releases.request('GET', `/v1/order-releases/${id}`, { key: DEMO_KEYS.planner });
    expect(stored.body).toMatchObject({ requestedBy: person, cancelReason: `Customer order moved to P100 (by ${person})` });

    // Only the service role may name someone else; a malformed name is refused.
    const asPlanner = await releases.request('POST', `/v1/order-releases/${id}/approve`, { key: DEMO_KEYS.planner, headers: { 'x-acting-for': 'planner:someone-else' } });
    expect(asPlanner.status).toBe(403);
    expect(asPlanner.body.type).toMatch(/acting-for-forbidden$/);
    const malformed = await releases.request('POST', `/v1/order-releases/${id}/approve`, { key: DEMO_KEYS.service, headers: { 'x-acting-for': 'someone else' } });
    expect(malformed.status).toBe(400);

    // inventory-transfer records the requester the same way.
    const transfer = await olivia(
      `mutation($input: RequestInventoryTransferInput!) { requestInventoryTransfer(input: $input) { inventoryTransfer { id requestedBy reason } } }`,
      { input: { clientMutationId: randomUUID(), item: 'BRG-6205', quantity: { value: '2', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Spare bearings for the P300 test bench' } },
    );
    expect(transfer.body.errors).toBeUndefined();
    expect(transfer.body.data.requestInventoryTransfer.inventoryTransfer).toMatchObject({ requestedBy: person, reason: 'Spare bearings for the P300 test bench' });
    const storedTransfer = await transfers.request('GET', `/v1/inventory-transfers/${transfer.body.data.requestInventoryTransfer.inventoryTransfer.id}`, { key: DEMO_KEYS.planner });
    expect(storedTransfer.body.requestedBy).toBe(person);
  }, 60_000);
});
