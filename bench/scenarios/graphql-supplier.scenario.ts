import { runAb } from '../support/ab-runner';
import type { LoadTarget } from '../support/load';
import { seedSupplierPurchaseOrders } from '../support/purchase-order-fixture';
import { SERVICE_KEY } from '../support/stack';
import type { Scenario } from './scenario';

const SUPPLIER_1001_KEY = 'ps_demo_supplier_1001_e4a8';

/** What the supplier portal's order list asks: a page of 50 orders with their lines. */
const QUERY = /* GraphQL */ `
  query SupplierOrders($first: Int!, $filter: PurchaseOrderFilter) {
    purchaseOrders(first: $first, filter: $filter) {
      edges {
        cursor
        node {
          id
          number
          plant
          supplier
          status
          orderDate
          lines {
            lineNumber
            item
            quantity { value unit }
            receivedQuantity { value unit }
            openQuantity { value unit }
            price { amount currency }
            promisedDate
            acknowledgement { status proposedDate note }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
const BODY = JSON.stringify({ query: QUERY, variables: { first: 50, filter: { plant: 'P100', supplier: 'SUP-1001' } } });

/** Both sides must answer the same full page before their speed means anything. */
async function checkPage(target: LoadTarget, side: string): Promise<void> {
  const res = await fetch(target.url, { method: 'POST', headers: target.headers, body: BODY });
  const body = (await res.json()) as { data?: { purchaseOrders?: { nodes?: unknown[]; edges?: Array<{ node: { lines: unknown[] } }> } }; errors?: unknown[] };
  const edges = body.data?.purchaseOrders?.edges ?? [];
  if (res.status !== 200 || body.errors || edges.length !== 50 || edges.some((e) => e.node.lines.length === 0))
    throw new Error(`${side} did not answer a page of 50 orders with lines: ${res.status} ${JSON.stringify(body).slice(0, 400)}`);
}

/** Row 5: the supplier portal's page of 50 purchase orders with lines, vs bare @apollo/server with the same schema and fetching. */
export const graphqlSupplierScenario: Scenario = {
  id: '5',
  title: 'GraphQL supplier query: 50 purchase orders with lines',
  async run(stack, settings) {
    await stack.start(['graphql-api']);
    await seedSupplierPurchaseOrders(stack.sandboxUrl, 'SUP-1001', 60);
    const bare = await stack.startBaseline('bare-apollo', 'bare-apollo-purchase-orders.ts', {
      ERP_API_URL: stack.app('erp-api').url,
      PLANTSYNC_SERVICE_API_KEY: SERVICE_KEY,
    });
    const json = { 'content-type': 'application/json' };
    const platform: LoadTarget = { url: `${stack.app('graphql-api').url}/graphql`, method: 'POST', headers: { ...json, 'x-api-key': SUPPLIER_1001_KEY }, body: BODY };
    const baseline: LoadTarget = { url: `${bare.url}/graphql`, method: 'POST', headers: json, body: BODY };
    await checkPage(platform, 'graphql-api');
    await checkPage(baseline, 'bare @apollo/server');
    const ab = await runAb(platform, baseline, settings);
    return [
      {
        id: '5',
        title: this.title,
        unit: 'req/s',
        target: '≥ 1.0× baseline',
        verdict: settings.smoke ? 'n/a' : ab.ratio.median >= 1.0 ? 'met' : 'missed',
        ab,
      },
    ];
  },
};
