import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startGraphqlApi, TEST_PORTAL_JWT_ISSUER, TEST_PORTAL_JWT_SECRET, type GraphqlApiHarness } from '../../support/graphql-api.harness';
import { watch } from '../../support/graphql-ws.client';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

const SUBMIT = /* GraphQL */ `
  mutation Ship($input: SubmitAdvanceShipNoticeInput!) {
    submitAdvanceShipNotice(input: $input) {
      clientMutationId
      advanceShipNotice { id supplier plant shipmentNumber expectedArrival expectedReceipt status packages { packageId lines { purchaseOrder lineNumber item lot quantity { value unit } } } }
    }
  }
`;
const READ = /* GraphQL */ `query Notice($id: ID!) { advanceShipNotice(id: $id) { id status } }`;

interface PoLine {
  lineNumber: number;
  item: string;
  openQuantity: { value: string; unit: string };
}

/** The sandbox's Odoo JSON-2 endpoint of P100, as the plant's receiving clerk would post a receipt. */
async function odoo(sandboxUrl: string, model: string, method: string, body: unknown): Promise<any> {
  const res = await fetch(`${sandboxUrl}/plants/P100/erp/json/2/${model}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'bearer sandbox-demo-key', 'x-odoo-database': 'det_prod' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`odoo ${model}.${method}: ${res.status} ${await res.text()}`);
  return res.json();
}

describe('graphql-api: advance ship notices (X12 856) and purchase-order changes for the supplier portal', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let gql: GraphqlApiHarness;
  let lines: PoLine[];

  beforeAll(async () => {
    sandbox = await startSandbox();
    erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
    // SUP-1001 may ship 5 % over the open quantity; everyone else not at all.
    gql = await startGraphqlApi({
      urls: { erp: erp.url, wms: wms.url },
      sandboxUrl: sandbox.url,
      env: { ASN_OVERSHIPMENT_TOLERANCE_PERCENT: '0', ASN_OVERSHIPMENT_TOLERANCE_BY_SUPPLIER: 'SUP-1001=5', GRAPHQL_PROGRESS_POLL_MS: '200' },
    });
    const po = await gql.query(`{ purchaseOrder(plant: "P100", id: "PO-P100-0001") { supplier lines { lineNumber item openQuantity { value unit } } } }`, {
      key: DEMO_KEYS.supplier1001,
    });
    expect(po.body.data.purchaseOrder.supplier).toBe('SUP-1001');
    lines = po.body.data.purchaseOrder.lines;
  }, 60_000);

  afterAll(async () => {
    await gql?.close();
    await wms?.close();
    await erp?.close();
    await sandbox?.close();
  });

  const supplier1001 = (query: string, variables: Record<string, unknown>) => gql.query(query, { key: DEMO_KEYS.supplier1001, variables });
  const notice = (packages: unknown[], extra: Record<string, unknown> = {}) => ({
    clientMutationId: randomUUID(),
    plant: 'P100',
    shipmentNumber: `SH-1001-${Math.floor(Math.random() * 1e6)}`,
    expectedArrival: '2026-12-01T08:00:00Z',
    carrier: 'Great Lakes Freight',
    packages,
    ...extra,
  });

  it('rejects over-shipment line by line (beyond open + 5 %) and records nothing', async () => {
    const [screws, washers, small] = lines;
    const over = (l: PoLine, extra: number) => ({
      purchaseOrder: 'PO-P100-0001',
      lineNumber: l.lineNumber,
      quantity: { value: (Number(l.openQuantity.value) * 1.05 + extra).toFixed(2), unit: l.openQuantity.unit },
    });
    const res = await supplier1001(SUBMIT, {
      input: notice([
        { packageId: '00012345600000000011', lines: [over(screws, 1), { ...over(washers, 0), lot: 'L-WSH-2611' }] },
        { packageId: '00012345600000000028', lines: [over(small, 100)] },
      ]),
    });
    const error = res.body.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    // Exactly the two lines beyond tolerance are named; the washers at open + 5 % pass.
    expect(error?.extensions?.errors.map((e: { field: string }) => e.field)).toEqual(['packages[0].lines[0].quantity', 'packages[1].lines[0].quantity']);
    expect(error?.extensions?.errors[0].message).toContain('5% over-shipment tolerance');
    const mine = await supplier1001(`{ advanceShipNotices { id } }`, {});
    expect(mine.body.data.advanceShipNotices).toEqual([]);
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation: 'expected-receipt.create' })).toBe(0);
  });

  it('accepts a notice within the open quantities, replays it by clientMutationId, hides it from other suppliers and follows it to RECEIVED', async () => {
    const [screws] = lines;
    const input = notice([
      {
        packageId: '00012345600000000035',
        lines: [{ purchaseOrder: 'PO-P100-0001', lineNumber: screws.lineNumber, lot: 'L-SCR-2611', quantity: { value: '5', unit: screws.openQuantity.unit } }],
      },
    ]);
    const res = await supplier1001(SUBMIT, { input });
    expect(res.body.errors).toBeUndefined();
    const asn = res.body.data.submitAdvanceShipNotice.advanceShipNotice;
    expect(asn).toMatchObject({ supplier: 'SUP-1001', plant: 'P100', status: 'EXPECTED' });
    expect(asn.packages[0].lines[0]).toMatchObject({ item: screws.item, lot: 'L-SCR-2611', quantity: { value: '5' } });

    const again = await supplier1001(SUBMIT, { input });
    expect(again.body.data.submitAdvanceShipNotice.advanceShipNotice.id).toBe(asn.id);
    const reused = await supplier1001(SUBMIT, { input: { ...input, carrier: 'Another carrier' } });
    expect(reused.body.errors?.[0].extensions?.code).toBe('CONFLICT');

    // One expected receipt at P100's WMS, although the notice was sent twice.
    expect(asn.expectedReceipt).toMatch(/^ER-P100-/);
    const atWms = await sandbox.ledger({ plant: 'P100', system: 'wms', operation: 'expected-receipt.create' });
    expect(atWms).toHaveLength(1);
    expect(atWms[0].businessKey).toBe(`ASN-SUP-1001-${input.shipmentNumber}`);

    // What this notice announced counts against the open quantity of the next one.
    const rest = Number(screws.openQuantity.value) * 1.05 - 5 + 0.5;
    const tooMuch = await supplier1001(SUBMIT, {
      input: notice([{ packageId: '00012345600000000042', lines: [{ purchaseOrder: 'PO-P100-0001', lineNumber: screws.lineNumber, quantity: { value: rest.toFixed(2), unit: screws.openQuantity.unit } }] }]),
    });
    expect(tooMuch.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // Another supplier: not by id, not in its list, and not by shipping against SUP-1001's order.
    const other = await gql.query(READ, { key: DEMO_KEYS.supplier1002, variables: { id: asn.id } });
    expect(other.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const otherList = await gql.query(`{ advanceShipNotices { id } }`, { key: DEMO_KEYS.supplier1002 });
    expect(otherList.body.data.advanceShipNotices).toEqual([]);
    const foreign = await gql.query(SUBMIT, { key: DEMO_KEYS.supplier1002, variables: { input: notice(input.packages) } });
    expect(foreign.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // The planner sees what P100 expects.
    const expected = await gql.query(`{ advanceShipNotices(plant: "P100") { id supplier status } }`, { key: DEMO_KEYS.planner });
    expect(expected.body.data.advanceShipNotices).toEqual([{ id: asn.id, supplier: 'SUP-1001', status: 'EXPECTED' }]);

    // The plant posts the goods receipt in its ERP: the notice follows it.
    const [poLine] = await odoo(sandbox.url, 'purchase.order.line', 'search_read', {
      domain: [['order_id.name', '=', 'PO-P100-0001'], ['product_id.default_code', '=', screws.item]],
      fields: ['id', 'qty_received'],
    });
    await odoo(sandbox.url, 'purchase.order.line', 'write', { ids: [poLine.id], vals: { qty_received: poLine.qty_received + 5 } });
    const received = await supplier1001(READ, { id: asn.id });
    expect(received.body.data.advanceShipNotice.status).toBe('RECEIVED');
  });

  it('serialises two notices on the same line sent at the same instant: together they may not pass the tolerance', async () => {
    const washers = lines[1];
    const allowed = Number(washers.openQuantity.value) * 1.05;
    // Each notice alone fits the line (60 % of open + tolerance); the two together do not.
    const share = (allowed * 0.6).toFixed(2);
    const shipment = (packageId: string) =>
      notice([{ packageId, lines: [{ purchaseOrder: 'PO-P100-0001', lineNumber: washers.lineNumber, quantity: { value: share, unit: washers.openQuantity.unit } }] }]);
    const before = await sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation: 'expected-receipt.create' });

    const results = await Promise.all([supplier1001(SUBMIT, { input: shipment('00012345600000000059') }), supplier1001(SUBMIT, { input: shipment('00012345600000000066') })]);

    const accepted = results.filter((r) => r.body.data?.submitAdvanceShipNotice);
    const refused = results.filter((r) => r.body.errors);
    expect(accepted).toHaveLength(1);
    expect(refused.map((r) => r.body.errors?.[0].extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(refused[0].body.errors?.[0].extensions?.errors[0].field).toBe('packages[0].lines[0].quantity');
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation: 'expected-receipt.create' })).toBe(before + 1);
  });

  it('streams changes of its own purchase order to a supplier over graphql-ws, and nothing of another supplier\'s', async () => {
    const CHANGES = /* GraphQL */ `subscription Changes($plant: String!, $id: ID!) { purchaseOrderChanges(plant: $plant, id: $id) { number supplier lines { lineNumber acknowledgement { status } } } }`;
    const own = watch(gql.url, { 'x-api-key': DEMO_KEYS.supplier1001 }, CHANGES, { plant: 'P100', id: 'PO-P100-0001' });
    const foreign = watch(gql.url, { 'x-api-key': DEMO_KEYS.supplier1002 }, CHANGES, { plant: 'P100', id: 'PO-P100-0001' });
    try {
      await own.until((po) => po.number === 'PO-P100-0001');
      const ack = await supplier1001(
        `mutation($input: AcknowledgePurchaseOrderLinesInput!) { acknowledgePurchaseOrderLines(input: $input) { clientMutationId } }`,
        { input: { clientMutationId: randomUUID(), plant: 'P100', purchaseOrder: 'PO-P100-0001', lines: [{ lineNumber: 30, decision: 'REJECTED', note: 'Out of M4 screws until January' }] } },
      );
      expect(ack.body.errors).toBeUndefined();
      const changed = await own.until((po) => po.lines.some((l: any) => l.lineNumber === 30 && l.acknowledgement.status === 'REJECTED'));
      expect(changed.supplier).toBe('SUP-1001');

      await foreign.completed;
      expect(foreign.events).toEqual([]);
      expect(foreign.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);

      // A portal user's JWT in connection_init works like the API key; a forged one closes the socket.
      const sign = (secret: string) =>
        new SignJWT({ scope: 'supplier:SUP-1001' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('anna.kowalska@sup-1001.example')
          .setIssuer(TEST_PORTAL_JWT_ISSUER)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(secret));
      const portal = watch(gql.url, { authorization: `Bearer ${await sign(TEST_PORTAL_JWT_SECRET)}` }, CHANGES, { plant: 'P100', id: 'PO-P100-0001' });
      const first = await portal.until((po) => po.number === 'PO-P100-0001');
      portal.close();
      expect(first.supplier).toBe('SUP-1001');
      const forged = watch(gql.url, { authorization: `Bearer ${await sign('a-forged-secret-with-at-least-32-characters!')}` }, CHANGES, { plant: 'P100', id: 'PO-P100-0001' });
      await forged.completed;
      forged.close();
      expect(forged.events).toEqual([]);
      expect(forged.errors[0]).toMatchObject({ code: 4403 });
    } finally {
      own.close();
      foreign.close();
    }
  });
});
