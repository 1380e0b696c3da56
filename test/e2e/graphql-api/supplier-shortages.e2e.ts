import { SignJWT } from 'jose';
import { DEMO_SCENARIOS } from '../../../apps/sandbox/src/dataset/scenarios';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startGraphqlApi, TEST_PORTAL_JWT_ISSUER, TEST_PORTAL_JWT_SECRET, type GraphqlApiHarness } from '../../support/graphql-api.harness';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

jest.setTimeout(120_000);

const SHORTAGES = /* GraphQL */ `
  query Shortages($plant: String) {
    shortagesMyPurchaseOrdersCouldCover(plant: $plant) {
      plant productionOrder neededBy item
      required { value unit } availableToPromise { value unit } shortfall { value unit }
      myOpenLines { plant purchaseOrder supplier lineNumber openQuantity { value unit } promisedDate arrivesBeforeStart }
    }
  }
`;

/** A portal user's token for one supplier (the demo keys cover SUP-1001 and SUP-1002 only). */
const tokenFor = (supplier: string, subject: string) =>
  new SignJWT({ scope: `supplier:${supplier}` })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(TEST_PORTAL_JWT_ISSUER)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(TEST_PORTAL_JWT_SECRET));

/**
 * "Which shortages could my open purchase orders cover?" — the supplier side of the planner's
 * material availability. SUP-1004 ships the BRKT-1042 brackets MO-P100-0002 is short of
 * (PO-P100-0003); no other supplier may learn about that order line or who delivers it.
 */
describe('graphql-api: shortages a supplier could cover', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let gql: GraphqlApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
    gql = await startGraphqlApi({ urls: { erp: erp.url, wms: wms.url }, sandboxUrl: sandbox.url });
    // Another order took most of P100's M6 screws: MO-P100-0002 (979.2 EA) is now short of them, and
    // SUP-1001's PO-P100-0001 carries SCR-M6X20 — a shortage for SUP-1001, not for SUP-1004.
    const reserved = await wms.request('POST', '/v1/plants/P100/reservations', {
      key: DEMO_KEYS.planner,
      headers: { 'idempotency-key': 'e2e-supplier-shortages-scr-m6x20' },
      body: { item: 'SCR-M6X20', quantity: { value: '6000', unit: 'EA' }, reference: 'MO-P100-0901' },
    });
    expect(reserved.status).toBe(201);
  });

  afterAll(async () => {
    await gql?.close();
    await Promise.all([erp?.close(), wms?.close()]);
    await sandbox?.close();
  });

  it('shows SUP-1004 the BRKT-1042 shortage of MO-P100-0002 with its own PO-P100-0003 line only', async () => {
    const scenario = DEMO_SCENARIOS.shortageCoveredByPurchaseOrder;
    const res = await gql.query(SHORTAGES, { token: await tokenFor('SUP-1004', 'li.wei@sup-1004.example') });
    expect(res.body.errors).toBeUndefined();
    const list = res.body.data.shortagesMyPurchaseOrdersCouldCover;
    const bracket = list.find((s: any) => s.productionOrder === scenario.productionOrder && s.item === scenario.item);
    expect(bracket).toMatchObject({
      plant: 'P100',
      required: { value: scenario.required, unit: 'EA' },
      availableToPromise: { value: scenario.available, unit: 'EA' },
      shortfall: { value: '90', unit: 'EA' },
    });
    expect(bracket.myOpenLines.map((l: any) => l.purchaseOrder)).toEqual([scenario.purchaseOrder]);
    expect(bracket.myOpenLines[0]).toMatchObject({ supplier: 'SUP-1004', openQuantity: { unit: 'BOX' }, arrivesBeforeStart: true });
    // Every line anywhere in the answer is SUP-1004's own; SUP-1001's screw shortage is not SUP-1004's business.
    expect(list.flatMap((s: any) => s.myOpenLines).every((l: any) => l.supplier === 'SUP-1004')).toBe(true);
    expect(list.some((s: any) => s.item === 'SCR-M6X20')).toBe(false);
  });

  it("shows SUP-1001 the screw shortage with its own PO-P100-0001 line, never SUP-1004's bracket order", async () => {
    const res = await gql.query(SHORTAGES, { key: DEMO_KEYS.supplier1001, variables: { plant: 'P100' } });
    expect(res.body.errors).toBeUndefined();
    const list = res.body.data.shortagesMyPurchaseOrdersCouldCover;
    expect(list.map((s: any) => [s.productionOrder, s.item])).toEqual([['MO-P100-0002', 'SCR-M6X20']]);
    expect(list[0]).toMatchObject({ plant: 'P100', neededBy: '2026-11-07', shortfall: { value: '179.2', unit: 'EA' } });
    expect(list[0].myOpenLines).toEqual([expect.objectContaining({ purchaseOrder: 'PO-P100-0001', supplier: 'SUP-1001', lineNumber: expect.any(Number) })]);
  });

  it("never shows supplier A another supplier's purchase orders or the shortages only they cover (key and token alike)", async () => {
    const scenario = DEMO_SCENARIOS.shortageCoveredByPurchaseOrder;
    for (const [supplier, auth] of [
      ['SUP-1001', { key: DEMO_KEYS.supplier1001 }],
      ['SUP-1002', { key: DEMO_KEYS.supplier1002 }],
      ['SUP-1001', { token: await tokenFor('SUP-1001', 'anna.kowalska@sup-1001.example') }],
    ] as const) {
      const res = await gql.query(SHORTAGES, auth);
      expect(res.body.errors).toBeUndefined();
      const list = res.body.data.shortagesMyPurchaseOrdersCouldCover;
      const lines = list.flatMap((s: any) => s.myOpenLines);
      expect(lines.every((l: any) => l.supplier === supplier)).toBe(true);
      expect(lines.map((l: any) => l.purchaseOrder)).not.toContain(scenario.purchaseOrder);
      // The bracket shortage is SUP-1004's to cover; SUP-1001/1002 carry no BRKT-1042 line, so it is not theirs to see.
      expect(list.some((s: any) => s.item === 'BRKT-1042')).toBe(false);
      expect(list.some((s: any) => s.productionOrder === scenario.productionOrder && s.item === scenario.item)).toBe(false);
      // A shortage is only ever listed with at least one of the caller's lines.
      expect(list.every((s: any) => s.myOpenLines.length > 0)).toBe(true);
    }
  });

  it('does not list the P300 seal shortage for SUP-1002, whose SEAL-2535 lines are at other plants', async () => {
    const { productionOrder } = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;
    const res = await gql.query(SHORTAGES, { key: DEMO_KEYS.supplier1002 });
    expect(res.body.data.shortagesMyPurchaseOrdersCouldCover.some((s: any) => s.productionOrder === productionOrder)).toBe(false);
  });

  it('refuses planners and admins (no purchase orders of their own) and validates the plant', async () => {
    for (const key of [DEMO_KEYS.planner, DEMO_KEYS.admin]) {
      const res = await gql.query(SHORTAGES, { key });
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.body.data).toBeNull();
    }
    const bad = await gql.query(SHORTAGES, { key: DEMO_KEYS.supplier1001, variables: { plant: 'p100; drop' } });
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
