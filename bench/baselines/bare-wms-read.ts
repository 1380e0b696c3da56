/**
 * Baseline for benchmark 1: a bare Fastify route that makes the same backend calls as the WMS
 * system API's availability read (stock + open reservations from the plant's WMS) and returns
 * their JSON — no auth, validation, correlation, logging, mapping or problem handling.
 */
import Fastify from 'fastify';

const sandbox = process.env.SANDBOX_URL ?? 'http://127.0.0.1:4010';
const app = Fastify({ logger: false });
const headers = { authorization: 'Bearer sandbox-demo-key', accept: 'application/json' };

app.get('/availability', async (request) => {
  const { item, plant = 'P200', warehouse = 'MTY1' } = request.query as Record<string, string>;
  const base = `${sandbox}/plants/${plant}/wms/v1`;
  const [stock, reservations] = await Promise.all([
    fetch(`${base}/stock?warehouse=${warehouse}&item=${encodeURIComponent(item)}`, { headers }).then((r) => r.json()),
    fetch(`${base}/reservations?warehouse=${warehouse}&item=${encodeURIComponent(item)}&status=open`, { headers }).then((r) => r.json()),
  ]);
  return { stock, reservations };
});
app.get('/health', async () => ({ ok: true }));

app.listen({ port: Number(process.env.BARE_PORT ?? 4901), host: '127.0.0.1' }).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
