/**
 * Baseline for benchmark 5: bare @apollo/server on Fastify with the graphql-api's own schema
 * (schema.graphql) and the same data fetching — `purchaseOrders` makes the same erp-api call the
 * platform makes for one page (the plant's purchase orders of a supplier, 50 per call) and shapes
 * the same connection. No authentication, per-object checks, opaque cursors, limits or error mapping.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';

const erpApi = process.env.ERP_API_URL ?? 'http://127.0.0.1:3001';
const serviceKey = process.env.PLANTSYNC_SERVICE_API_KEY ?? 'ps_demo_service_c81d09';
const typeDefs = readFileSync(join(__dirname, '../../apps/experience/graphql-api/schema.graphql'), 'utf8');

interface PurchaseOrderFilter {
  plant?: string;
  supplier?: string;
  status?: string;
}

const resolvers = {
  // The GraphQL names are upper case, the canonical values lower case (as in the app's enums).
  PurchaseOrderStatus: {
    DRAFT: 'draft',
    SENT: 'sent',
    CONFIRMED: 'confirmed',
    PARTIALLY_RECEIVED: 'partially_received',
    RECEIVED: 'received',
    CANCELLED: 'cancelled',
  },
  AcknowledgementStatus: { NONE: 'none', ACCEPTED: 'accepted', REJECTED: 'rejected', CHANGED: 'changed' },
  Query: {
    async purchaseOrders(_: unknown, args: { first: number; filter?: PurchaseOrderFilter }) {
      const { plant = 'P100', supplier, status } = args.filter ?? {};
      const query = new URLSearchParams({ limit: String(Math.min(200, Math.max(args.first, 50))) });
      if (supplier) query.set('supplier', supplier);
      if (status) query.set('status', status);
      const res = await fetch(`${erpApi}/v1/plants/${plant}/purchase-orders?${query}`, { headers: { 'x-api-key': serviceKey } });
      const page = (await res.json()) as { items: unknown[]; nextCursor: string | null };
      const nodes = page.items.slice(0, args.first);
      const edges = nodes.map((node, i) => ({ node, cursor: Buffer.from(String(i + 1)).toString('base64url') }));
      return { edges, nodes, pageInfo: { hasNextPage: page.items.length > args.first || page.nextCursor !== null, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
};

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  const apollo = new ApolloServer({ typeDefs, resolvers, plugins: [fastifyApolloDrainPlugin(app)] });
  await apollo.start();
  await app.register(fastifyApollo(apollo), { path: '/graphql' });
  app.get('/health', async () => ({ ok: true }));
  await app.listen({ port: Number(process.env.BARE_PORT ?? 4905), host: '127.0.0.1' });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
