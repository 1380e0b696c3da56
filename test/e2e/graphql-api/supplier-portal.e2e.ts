import { SignJWT } from 'jose';
import { DEMO_DATASET } from '../../../apps/sandbox/src/dataset/demo-dataset';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startGraphqlApi, TEST_PORTAL_JWT_ISSUER, TEST_PORTAL_JWT_SECRET, type GraphqlApiHarness, type GraphqlResult } from '../../support/graphql-api.harness';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

/** Demo purchase orders of a supplier that a portal shows (drafts are not sent yet). */
function portalOrders(supplier: string): string[] {
  return DEMO_DATASET.purchaseOrders.filter((p) => p.supplier === supplier).map((p) => p.number).sort();
}

const PURCHASE_ORDERS = /* GraphQL */ `
  query SupplierOrders($filter: PurchaseOrderFilter, $first: Int, $after: String) {
    purchaseOrders(filter: $filter, first: $first, after: $after) {
      edges { cursor node { number plant supplier status lines { lineNumber item openQuantity { value unit } promisedDate } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const ONE_ORDER = /* GraphQL */ `
  query One($plant: String!, $id: ID!) {
    purchaseOrder(plant: $plant, id: $id) { number supplier lines { lineNumber receivedQuantity { value } openQuantity { value } acknowledgement { status } } }
  }
`;

const ACKNOWLEDGE = /* GraphQL */ `
  mutation Ack($input: AcknowledgePurchaseOrderLinesInput!) {
    acknowledgePurchaseOrderLines(input: $input) {
      clientMutationId
      purchaseOrder { number lines { lineNumber acknowledgement { status proposedDate note } } }
    }
  }
`;

describe('graphql-api: supplier portal', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let gql: GraphqlApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
    gql = await startGraphqlApi({ urls: { erp: erp.url, wms: wms.url }, sandboxUrl: sandbox.url });
  });

  afterAll(async () => {
    await gql?.close();
    await wms?.close();
    await erp?.close();
    await sandbox?.close();
  });

  async function allPages(key: string, filter: Record<string, unknown> = {}, first = 2): Promise<string[]> {
    const numbers: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 30; page++) {
      const res: GraphqlResult = await gql.query(PURCHASE_ORDERS, { key, variables: { filter, first, after } });
      expect(res.body.errors).toBeUndefined();
      const conn: { edges: Array<{ node: { number: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = res.body.data.purchaseOrders;
      expect(conn.edges.length).toBeLessThanOrEqual(first);
      numbers.push(...conn.edges.map((e) => e.node.number));
      if (!conn.pageInfo.hasNextPage) return numbers.sort();
      after = conn.pageInfo.endCursor;
    }
    throw new Error('more than 30 pages');
  }

  describe('authentication', () => {
    it('refuses a request without a credential or with an unknown key as UNAUTHENTICATED (401)', async () => {
      for (const opts of [{}, { key: 'ps_demo_not_a_key_0000' }, { token: 'not.a.jwt' }]) {
        const res = await gql.query('{ viewer { id } }', opts);
        expect(res.status).toBe(401);
        expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.body.data).toBeUndefined();
      }
    });

    it("accepts a portal user's JWT (HS256) with a supplier scope and refuses a forged or expired one", async () => {
      const secret = new TextEncoder().encode(TEST_PORTAL_JWT_SECRET);
      const sign = (key: Uint8Array, exp: string | number = '5m') =>
        new SignJWT({ scope: 'supplier:SUP-1001' }).setProtectedHeader({ alg: 'HS256' }).setSubject('anna.kowalska@sup-1001.example').setIssuer(TEST_PORTAL_JWT_ISSUER).setIssuedAt().setExpirationTime(exp).sign(key);

      const ok = await gql.query('{ viewer { id supplierIds } }', { token: await sign(secret) });
      expect(ok.body.data.viewer).toEqual({ id: 'jwt:anna.kowalska@sup-1001.example', supplierIds: ['SUP-1001'] });
      const list = await gql.query(PURCHASE_ORDERS, { token: await sign(secret), variables: { first: 50 } });
      expect(list.body.data.purchaseOrders.edges.every((e: { node: { supplier: string } }) => e.node.supplier === 'SUP-1001')).toBe(true);

      const forged = await gql.query('{ viewer { id } }', { token: await sign(new TextEncoder().encode('another-secret-that-is-32-characters-long')) });
      expect(forged.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const expired = await gql.query('{ viewer { id } }', { token: await sign(secret, Math.floor(Date.now() / 1000) - 3600) });
      expect(expired.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('object-level authorization', () => {
    it('lists only the supplier’s own orders, across plants, page by page', async () => {
      const own = await allPages(DEMO_KEYS.supplier1001);
      expect(own).toEqual(portalOrders('SUP-1001'));
      expect(new Set(own.map((n) => n.slice(3, 7))).size).toBeGreaterThan(1);
      const other = await allPages(DEMO_KEYS.supplier1002);
      expect(other).toEqual(portalOrders('SUP-1002'));
      expect(own.filter((n) => other.includes(n))).toEqual([]);
    });

    it("refuses to list another supplier's orders by filter", async () => {
      const res = await gql.query(PURCHASE_ORDERS, { key: DEMO_KEYS.supplier1001, variables: { filter: { supplier: 'SUP-1002' } } });
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.body.data).toBeNull();
    });

    it("answers NOT_FOUND for another supplier's order by id, exactly as for a missing one", async () => {
      const foreign = DEMO_DATASET.purchaseOrders.find((p) => p.supplier === 'SUP-1002')!;
      const hidden = await gql.query(ONE_ORDER, { key: DEMO_KEYS.supplier1001, variables: { plant: foreign.plant, id: foreign.number } });
      const missing = await gql.query(ONE_ORDER, { key: DEMO_KEYS.supplier1001, variables: { plant: foreign.plant, id: `${foreign.number.slice(0, 8)}9999` } });
      expect(hidden.body.data).toBeNull();
      expect(hidden.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(hidden.body)).not.toContain('SUP-1002');

      const own = await gql.query(ONE_ORDER, { key: DEMO_KEYS.supplier1002, variables: { plant: foreign.plant, id: foreign.number } });
      expect(own.body.data.purchaseOrder).toMatchObject({ number: foreign.number, supplier: 'SUP-1002' });
    });

    it('gives nothing of another supplier through nested fields, aliases or planner-only fields', async () => {
      const foreign = DEMO_DATASET.purchaseOrders.find((p) => p.supplier === 'SUP-1002')!;
      const mine = DEMO_DATASET.purchaseOrders.find((p) => p.supplier === 'SUP-1001')!;
      const aliased = await gql.query(
        `{ mine: purchaseOrder(plant: "${mine.plant}", id: "${mine.number}") { number }
           theirs: purchaseOrder(plant: "${foreign.plant}", id: "${foreign.number}") { number lines { item } } }`,
        { key: DEMO_KEYS.supplier1001 },
      );
      expect(aliased.body.data).toBeNull(); // non-null fields: one failure nulls the whole answer
      expect(aliased.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);

      // Production orders carry every supplier's covering purchase orders: planners only.
      const nested = await gql.query(
        '{ productionOrders(plant: "P100", first: 5) { nodes { number components { item coveringPurchaseOrders(includeLate: true) { purchaseOrder supplier } } } } }',
        { key: DEMO_KEYS.supplier1001 },
      );
      expect(nested.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(nested.body)).not.toMatch(/SUP-10(0[2-9]|10)/);

      const positions = await gql.query('{ inventoryPositions(item: "BRKT-1042") { plant availableToPromise { value } } }', { key: DEMO_KEYS.supplier1001 });
      expect(positions.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('acknowledgements', () => {
    it('records an acknowledgement in the ERP exactly once per clientMutationId', async () => {
      const po = DEMO_DATASET.purchaseOrders.find((p) => p.supplier === 'SUP-1001' && p.plant === 'P100')!;
      const input = {
        clientMutationId: 'ack-7f3e2a10-portal',
        plant: po.plant,
        purchaseOrder: po.number,
        lines: [{ lineNumber: po.lines[0].lineNo, decision: 'CHANGED', proposedDate: '2026-11-27', note: 'Tooling maintenance in week 47' }],
      };
      const first = await gql.query(ACKNOWLEDGE, { key: DEMO_KEYS.supplier1001, variables: { input } });
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data.acknowledgePurchaseOrderLines.purchaseOrder.lines[0].acknowledgement).toEqual({
        status: 'CHANGED',
        proposedDate: '2026-11-27',
        note: 'Tooling maintenance in week 47',
      });

      const again = await gql.query(ACKNOWLEDGE, { key: DEMO_KEYS.supplier1001, variables: { input } });
      expect(again.body.data).toEqual(first.body.data);
      expect(await sandbox.ledgerCount({ plant: 'P100', system: 'erp', operation: 'purchase.order.write', businessKey: po.number })).toBe(1);

      const reused = await gql.query(ACKNOWLEDGE, { key: DEMO_KEYS.supplier1001, variables: { input: { ...input, lines: [{ lineNumber: po.lines[0].lineNo, decision: 'ACCEPTED' }] } } });
      expect(reused.body.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await sandbox.ledgerCount({ plant: 'P100', system: 'erp', operation: 'purchase.order.write', businessKey: po.number })).toBe(1);
    });

    it("cannot acknowledge another supplier's order and writes nothing", async () => {
      const foreign = DEMO_DATASET.purchaseOrders.find((p) => p.supplier === 'SUP-1002')!;
      const res = await gql.query(ACKNOWLEDGE, {
        key: DEMO_KEYS.supplier1001,
        variables: { input: { clientMutationId: 'ack-foreign-0001', plant: foreign.plant, purchaseOrder: foreign.number, lines: [{ lineNumber: foreign.lines[0].lineNo, decision: 'REJECTED' }] } },
      });
      expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await sandbox.ledgerCount({ plant: foreign.plant, operation: 'purchase.order.write', businessKey: foreign.number })).toBe(0);

      const planner = await gql.query(ACKNOWLEDGE, {
        key: DEMO_KEYS.planner,
        variables: { input: { clientMutationId: 'ack-planner-0001', plant: foreign.plant, purchaseOrder: foreign.number, lines: [{ lineNumber: foreign.lines[0].lineNo, decision: 'ACCEPTED' }] } },
      });
      expect(planner.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('lists every bad field as BAD_USER_INPUT without calling the ERP', async () => {
      const po = DEMO_DATASET.purchaseOrders.find((p) => p.supplier === 'SUP-1001')!;
      const res = await gql.query(ACKNOWLEDGE, {
        key: DEMO_KEYS.supplier1001,
        variables: { input: { clientMutationId: 'short', plant: po.plant, purchaseOrder: po.number, lines: [{ lineNumber: 10, decision: 'CHANGED' }] } },
      });
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect([...new Set(res.body.errors?.[0].extensions?.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['clientMutationId', 'lines[0].proposedDate']);
    });
  });
});
