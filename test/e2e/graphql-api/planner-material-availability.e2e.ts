import { DEMO_SCENARIOS } from '../../../apps/sandbox/src/dataset/scenarios';
import { startCountingProxy, type CountingProxy } from '../../support/counting-proxy';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startGraphqlApi, type GraphqlApiHarness } from '../../support/graphql-api.harness';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

const PAGE = /* GraphQL */ `
  query PlannerPage($plant: String!, $first: Int!) {
    productionOrders(plant: $plant, status: PLANNED, first: $first) {
      nodes {
        number item plannedStart quantity { value unit }
        components {
          item
          required { value unit }
          availableToPromise { value unit }
          shortfall { value unit }
          short
          coveringPurchaseOrders { purchaseOrder supplier openQuantity { value unit } promisedDate arrivesBeforeStart }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Component {
  item: string;
  required: { value: string; unit: string };
  availableToPromise: { value: string };
  shortfall: { value: string } | null;
  short: boolean;
  coveringPurchaseOrders: Array<{ purchaseOrder: string; arrivesBeforeStart: boolean }>;
}
interface OrderNode {
  number: string;
  item: string;
  plannedStart: string;
  components: Component[] | null;
}

/** The sandbox's Odoo JSON-2 endpoint, as the plant's ERP users would fill it. */
async function odoo(sandboxUrl: string, model: string, method: string, body: unknown): Promise<any> {
  const res = await fetch(`${sandboxUrl}/plants/P100/erp/json/2/${model}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'bearer sandbox-demo-key', 'x-odoo-database': 'det_prod' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`odoo ${model}.${method}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Copies two planned demo orders until P100 has `count` more planned orders of the same items. */
async function plannedOrdersAtP100(sandboxUrl: string, count: number): Promise<void> {
  const fields = ['product_id', 'product_qty', 'product_uom_id', 'date_start', 'date_finished', 'bom_id', 'location_src_id', 'location_dest_id', 'x_workcenter_id'];
  const templates: Array<Record<string, unknown>> = await odoo(sandboxUrl, 'mrp.production', 'search_read', {
    domain: [['name', 'in', ['MO-P100-0002', 'MO-P100-0003']]],
    fields,
  });
  const id = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const vals = Array.from({ length: count }, (_, i) => {
    const t = templates[i % templates.length];
    return {
      name: `MO-P100-${String(9000 + i)}`,
      state: 'draft',
      product_qty: 10 + i,
      ...Object.fromEntries(fields.filter((f) => f !== 'product_qty').map((f) => [f, id(t[f])])),
    };
  });
  await odoo(sandboxUrl, 'mrp.production', 'create', { vals_list: vals });
}

describe('graphql-api: planner material availability', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;
  let erpCalls: CountingProxy;
  let wmsCalls: CountingProxy;
  let gql: GraphqlApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
    erpCalls = await startCountingProxy(erp.url);
    wmsCalls = await startCountingProxy(wms.url);
    gql = await startGraphqlApi({ urls: { erp: erpCalls.url, wms: wmsCalls.url }, sandboxUrl: sandbox.url });
    await plannedOrdersAtP100(sandbox.url, 50);
  });

  afterAll(async () => {
    await gql?.close();
    await erpCalls?.close();
    await wmsCalls?.close();
    await wms?.close();
    await erp?.close();
    await sandbox?.close();
  });

  it('resolves a page of 50 production orders with components in a bounded number of backend calls', async () => {
    erpCalls.reset();
    wmsCalls.reset();
    const res = await gql.query(PAGE, { key: DEMO_KEYS.planner, variables: { plant: 'P100', first: 50 } });
    const orders: OrderNode[] = res.body.data.productionOrders.nodes;
    expect(orders).toHaveLength(50);
    const withComponents = orders.filter((o) => o.components !== null);
    expect(withComponents.length).toBeGreaterThanOrEqual(48);
    const componentRows = withComponents.reduce((n, o) => n + o.components!.length, 0);
    expect(componentRows).toBeGreaterThan(100);

    // What the page needs, at most once each: one list, one explosion per item × start day,
    // one availability per component item, one purchase order list for the plant.
    const explosions = new Set(orders.map((o) => `${o.item}@${o.plannedStart.slice(0, 10)}`)).size;
    const componentItems = new Set(withComponents.flatMap((o) => o.components!.map((c) => c.item))).size;
    expect(erpCalls.count(/production-orders\?/)).toBe(1);
    expect(erpCalls.count(/bom\/explosion/)).toBe(explosions);
    expect(erpCalls.count(/purchase-orders/)).toBe(1);
    expect(erpCalls.count()).toBe(1 + explosions + 1);
    expect(wmsCalls.count(/availability/)).toBe(componentItems);
    expect(wmsCalls.count()).toBe(componentItems);
    // Not one call per row: 50 orders and over 100 component rows cost this many calls in all.
    expect(erpCalls.count() + wmsCalls.count()).toBeLessThan(30);
  });

  it('shows the shortage of MO-P100-0002 and the purchase order that covers it in time', async () => {
    const s = DEMO_SCENARIOS.shortageCoveredByPurchaseOrder;
    const res = await gql.query(PAGE, { key: DEMO_KEYS.planner, variables: { plant: 'P100', first: 100 } });
    const order = (res.body.data.productionOrders.nodes as OrderNode[]).find((o) => o.number === s.productionOrder)!;
    const component = order.components!.find((c) => c.item === s.item)!;
    expect(component).toMatchObject({
      required: { value: s.required, unit: 'EA' },
      availableToPromise: { value: s.available },
      shortfall: { value: String(Number(s.required) - Number(s.available)) },
      short: true,
    });
    expect(component.coveringPurchaseOrders).toEqual([expect.objectContaining({ purchaseOrder: s.purchaseOrder, arrivesBeforeStart: true })]);
  });

  it('reports an order whose BOM has no released revision as a field error, the rest of the page intact', async () => {
    const s = DEMO_SCENARIOS.noReleasedRevision;
    const res = await gql.query(PAGE, { key: DEMO_KEYS.planner, variables: { plant: 'P100', first: 100 } });
    const nodes = res.body.data.productionOrders.nodes as OrderNode[];
    const index = nodes.findIndex((o) => o.number === s.productionOrder);
    expect(nodes[index].components).toBeNull();
    const error = res.body.errors!.find((e) => e.path?.join('.') === `productionOrders.nodes.${index}.components`);
    expect(['NOT_FOUND', 'CONFLICT']).toContain(error?.extensions?.code);
    expect(nodes.filter((o) => o.components !== null).length).toBeGreaterThan(50);
  });

  it('pages production orders with opaque cursors bound to their query', async () => {
    const first = await gql.query(PAGE, { key: DEMO_KEYS.planner, variables: { plant: 'P100', first: 20 } });
    const { endCursor, hasNextPage } = first.body.data.productionOrders.pageInfo;
    expect(hasNextPage).toBe(true);
    const next = await gql.query(
      'query($after: String) { productionOrders(plant: "P100", status: PLANNED, first: 20, after: $after) { nodes { number } } }',
      { key: DEMO_KEYS.planner, variables: { after: endCursor } },
    );
    const firstNumbers = (first.body.data.productionOrders.nodes as OrderNode[]).map((o) => o.number);
    const nextNumbers = (next.body.data.productionOrders.nodes as OrderNode[]).map((o) => o.number);
    expect(nextNumbers).toHaveLength(20);
    expect(nextNumbers.filter((n) => firstNumbers.includes(n))).toEqual([]);

    const otherQuery = await gql.query(
      'query($after: String) { productionOrders(plant: "P200", first: 20, after: $after) { nodes { number } } }',
      { key: DEMO_KEYS.planner, variables: { after: endCursor } },
    );
    expect(otherQuery.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows an item across plants with quality holds and stock in transit between plants', async () => {
    // Ship 100 bearings from P100 Detroit to P300 Wrocław through the WMS API, as the transfer process does.
    const post = async (path: string, body: unknown, key: string) => {
      const res = await wms.request('POST', path, { key: DEMO_KEYS.service, body, headers: { 'idempotency-key': key } });
      expect(res.status).toBeLessThan(300);
      return res.body;
    };
    const created = await post('/v1/plants/P100/transfer-orders', { item: 'BRG-6204', quantity: { value: '100', unit: 'EA' }, fromLocation: 'P100-RM', toPlant: 'P300', toLocation: 'P300-RM', reference: 'TRF-2026-0031' }, 'gql-e2e-to-create');
    await post(`/v1/plants/P100/transfer-orders/${created.id}/pick`, undefined, 'gql-e2e-to-pick');
    await post(`/v1/plants/P100/transfer-orders/${created.id}/ship`, undefined, 'gql-e2e-to-ship');

    const res = await gql.query(
      '{ inventoryPositions(item: "BRG-6204") { plant unrestricted { value } availableToPromise { value } qualityInspection { value } inTransit { value unit } balances { location stockStatus quantity { value } } } }',
      { key: DEMO_KEYS.planner },
    );
    expect(res.body.errors).toBeUndefined();
    type Position = { plant: string; qualityInspection: { value: string }; inTransit: { value: string }; balances: Array<{ location: string; stockStatus: string }> };
    const positions = res.body.data.inventoryPositions as Position[];
    expect(positions.map((p) => p.plant)).toEqual(['P100', 'P200', 'P300']);
    const detroit = positions.find((p) => p.plant === 'P100')!;
    const wroclaw = positions.find((p) => p.plant === 'P300')!;
    expect(detroit.qualityInspection.value).toBe('80');
    expect(detroit.balances).toContainEqual(expect.objectContaining({ location: 'P100-QI', stockStatus: 'QUALITY_INSPECTION' }));
    expect(wroclaw.inTransit).toEqual({ value: '100', unit: 'EA' });
    expect(wroclaw.balances).toContainEqual(expect.objectContaining({ location: 'P300-TRANSIT', stockStatus: 'IN_TRANSIT' }));
  });
});
