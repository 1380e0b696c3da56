import { createClient, type FormattedExecutionResult } from 'graphql-ws';
import { DEMO_DATASET } from '../../../apps/sandbox/src/dataset/demo-dataset';
import { startCountingProxy, type CountingProxy } from '../../support/counting-proxy';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startGraphqlApi, type GraphqlApiHarness, type GraphqlResult } from '../../support/graphql-api.harness';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

const codes = (res: GraphqlResult) => res.body.errors?.map((e) => e.extensions?.code);

/** Nothing of ours may leave in an error: no addresses, hosts, stacks or exception names. */
function expectNoInternals(res: GraphqlResult): void {
  const text = JSON.stringify(res.body);
  expect(text).not.toMatch(/https?:\/\//);
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|sandbox|\/plants\//i);
  expect(text).not.toMatch(/stacktrace|at .*\.ts:\d+|Error:|SystemApi|Connector/);
}

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('graphql-api: query limits, transport security, errors', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let erpCalls: CountingProxy;
  let gql: GraphqlApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
    erpCalls = await startCountingProxy(erp.url);
    // A low depth limit so a query of this schema can exceed it; the default (8) leaves room to grow.
    gql = await startGraphqlApi({ urls: { erp: erpCalls.url, wms: wms.url }, sandboxUrl: sandbox.url, env: { GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2' } });
  });

  afterAll(async () => {
    await gql?.close();
    await erpCalls?.close();
    await wms?.close();
    await erp?.close();
    await sandbox?.close();
  });

  describe('query limits', () => {
    it('refuses a query nested deeper than the limit before calling anything', async () => {
      erpCalls.reset();
      const ok = await gql.query('{ purchaseOrders(first: 1) { nodes { lines { quantity { value } } } } }', { key: DEMO_KEYS.planner });
      expect(ok.body.errors).toBeUndefined();
      const deep = await gql.query(
        '{ productionOrders(plant: "P100", first: 1) { edges { node { components { coveringPurchaseOrders { openQuantity { value } } } } } } }',
        { key: DEMO_KEYS.planner },
      );
      expect(deep.status).toBe(400);
      expect(codes(deep)).toEqual(['QUERY_LIMIT_EXCEEDED']);
      expect(deep.body.errors?.[0].extensions?.limit).toBe('depth');
      expect(erpCalls.requests().filter((r) => r.includes('production-orders'))).toEqual([]);
    });

    it('caps the subscriptions one WebSocket may hold, and frees a place when one completes', async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const WebSocket: unknown = require('ws');
      const client = createClient({ url: gql.url.replace(/^http/, 'ws') + '/graphql', connectionParams: { 'x-api-key': DEMO_KEYS.supplier1001 }, webSocketImpl: WebSocket, retryAttempts: 0 });
      const query = 'subscription { purchaseOrderChanges(plant: "P100", id: "PO-P100-0001") { number } }';
      /** Subscribes; resolves with the first result or the error the server ends it with. */
      const open = () => {
        let unsubscribe = () => {};
        const first = new Promise<FormattedExecutionResult | readonly unknown[]>((resolve) => {
          unsubscribe = client.subscribe({ query }, { next: resolve, error: (e) => resolve(e as readonly unknown[]), complete: () => undefined });
        });
        return { first, unsubscribe: () => unsubscribe() };
      };
      try {
        const [a, b] = [open(), open()];
        expect(await a.first).toEqual({ data: { purchaseOrderChanges: { number: 'PO-P100-0001' } } });
        expect(await b.first).toEqual({ data: { purchaseOrderChanges: { number: 'PO-P100-0001' } } });
        const refused = (await open().first) as Array<{ extensions?: Record<string, unknown> }>;
        expect(refused[0].extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'subscriptions' });

        a.unsubscribe();
        // The server hears the completion asynchronously; a new subscription is accepted once it has.
        let next = await open().first;
        for (let attempt = 1; Array.isArray(next) && attempt < 20; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          next = await open().first;
        }
        expect(next).toEqual({ data: { purchaseOrderChanges: { number: 'PO-P100-0001' } } });
      } finally {
        await client.dispose();
      }
    });

    it('refuses more aliases than the limit', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `v${i}: viewer { id }`).join(' ');
      const res = await gql.query(`{ ${aliases} }`, { key: DEMO_KEYS.supplier1001 });
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['QUERY_LIMIT_EXCEEDED']);
      expect(res.body.errors?.[0].extensions?.limit).toBe('aliases');
    });

    it('refuses a query whose estimated cost exceeds the limit, counting `first` from variables', async () => {
      erpCalls.reset();
      const page = `nodes { number components { item required { value unit } availableToPromise { value unit } shortfall { value unit } coveringPurchaseOrders(includeLate: true) { purchaseOrder supplier lineNumber promisedDate openQuantity { value unit } } } }`;
      const query = `query Big($n: Int!) { detroit: productionOrders(plant: "P100", first: $n) { ${page} } monterrey: productionOrders(plant: "P200", first: $n) { ${page} } }`;
      const small = await gql.query(query, { key: DEMO_KEYS.planner, variables: { n: 2 } });
      expect(small.body.errors?.find((e) => e.extensions?.code === 'QUERY_LIMIT_EXCEEDED')).toBeUndefined();
      erpCalls.reset();
      const big = await gql.query(query, { key: DEMO_KEYS.planner, variables: { n: 100 } });
      expect(big.status).toBe(400);
      expect(codes(big)).toEqual(['QUERY_LIMIT_EXCEEDED']);
      expect(big.body.errors?.[0].extensions?.limit).toBe('cost');
      expect(erpCalls.count()).toBe(0);
    });

    it('refuses batched operations in one HTTP request', async () => {
      const res = await gql.raw({
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': DEMO_KEYS.supplier1001 },
        body: JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]),
      });
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain('"viewer"');
    });
  });

  describe('transport', () => {
    it('blocks cross-site requests (CSRF prevention) but serves a GET that proves it is not one', async () => {
      const q = encodeURIComponent('{ viewer { id } }');
      const simple = await gql.raw({ method: 'GET', path: `/graphql?query=${q}`, headers: { 'x-api-key': DEMO_KEYS.supplier1001 } });
      expect(simple.status).toBe(400);
      const form = await gql.raw({ method: 'POST', headers: { 'content-type': 'text/plain', 'x-api-key': DEMO_KEYS.supplier1001 }, body: JSON.stringify({ query: '{ viewer { id } }' }) });
      expect(form.status).toBe(400);
      const preflighted = await gql.raw({ method: 'GET', path: `/graphql?query=${q}`, headers: { 'x-api-key': DEMO_KEYS.supplier1001, 'apollo-require-preflight': 'true' } });
      expect(preflighted.status).toBe(200);
      expect(((await preflighted.json()) as { data: { viewer: { id: string } } }).data.viewer.id).toBe('demo-supplier-1001');
    });

    it('refuses a mutation over GET', async () => {
      const m = encodeURIComponent('mutation { acknowledgePurchaseOrderLines(input: { clientMutationId: "get-attempt-01", plant: "P100", purchaseOrder: "PO-P100-0001", lines: [{ lineNumber: 10, decision: ACCEPTED }] }) { clientMutationId } }');
      const res = await gql.raw({ method: 'GET', path: `/graphql?query=${m}`, headers: { 'x-api-key': DEMO_KEYS.supplier1001, 'apollo-require-preflight': 'true' } });
      expect(res.status).toBe(405);
      expect(await sandbox.ledgerCount({ operation: 'purchase.order.write' })).toBe(0);
    });
  });

  describe('schema exposure', () => {
    it('has introspection and field suggestions off outside development', async () => {
      const res = await gql.query(INTROSPECTION, { key: DEMO_KEYS.planner });
      expect(res.body.data).toBeUndefined();
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      const typo = await gql.query('{ viewr { id } }', { key: DEMO_KEYS.planner });
      expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/);
    });

    it('has introspection off in production and on in development', async () => {
      const saved = process.env.NODE_ENV;
      const unreachable = { erp: 'http://127.0.0.1:9', wms: 'http://127.0.0.1:9' };
      const production = await startGraphqlApi({ urls: unreachable, env: { NODE_ENV: 'production', PLANTSYNC_SERVICE_API_KEY: DEMO_KEYS.service } });
      const development = await startGraphqlApi({ urls: unreachable, env: { NODE_ENV: 'development' } });
      process.env.NODE_ENV = saved;
      try {
        const prod = await production.query(INTROSPECTION, { key: DEMO_KEYS.admin });
        expect(codes(prod)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
        expect((await production.query('{ viewr { id } }', { key: DEMO_KEYS.admin })).body.errors?.[0].message).not.toMatch(/Did you mean/);
        const dev = await development.query(INTROSPECTION, { key: DEMO_KEYS.admin });
        expect(dev.body.data.__schema.queryType.name).toBe('Query');
        expect((await development.query('{ viewr { id } }', { key: DEMO_KEYS.admin })).body.errors?.[0].message).toMatch(/Did you mean "viewer"/);

        // With no system API to talk to, production answers UPSTREAM_UNAVAILABLE and nothing more.
        const down = await production.query('{ purchaseOrders(first: 5) { nodes { number } } }', { key: DEMO_KEYS.supplier1001 });
        expect(codes(down)).toEqual(['UPSTREAM_UNAVAILABLE']);
        expectNoInternals(down);
      } finally {
        await production.close();
        await development.close();
      }
    });
  });

  describe('backend failures', () => {
    afterEach(() => sandbox.clearFaults());

    it("answers UPSTREAM_UNAVAILABLE while a plant's ERP is down, without internals, and recovers", async () => {
      const po = DEMO_DATASET.purchaseOrders.find((p) => p.supplier === 'SUP-1001' && p.plant === 'P200')!;
      const query = `{ purchaseOrder(plant: "${po.plant}", id: "${po.number}") { number } }`;
      await sandbox.setFault('P200', 'erp', { downForSeconds: 60 });
      const down = await gql.query(query, { key: DEMO_KEYS.supplier1001 });
      expect(down.status).toBe(200);
      expect(codes(down)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(down.body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/ERP of P200 is not answering/),
        extensions: { plant: 'P200', system: 'erp', retryable: true, correlationId: expect.any(String) },
      });
      expectNoInternals(down);

      await sandbox.clearFaults();
      const up = await gql.query(query, { key: DEMO_KEYS.supplier1001 });
      expect(up.body.data.purchaseOrder.number).toBe(po.number);
    });

    it('keeps the other plants when one WMS is down', async () => {
      await sandbox.setFault('P200', 'wms', { downForSeconds: 60 });
      const res = await gql.query('{ inventoryPositions(item: "BRKT-1042") { plant availableToPromise { value } } }', { key: DEMO_KEYS.planner });
      expect(res.body.data.inventoryPositions.map((p: { plant: string } | null) => p?.plant ?? null)).toEqual(['P100', null, 'P300']);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: ['inventoryPositions', 1], extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', plant: 'P200', system: 'wms' }) })]);
      expectNoInternals(res);
    });
  });
});
