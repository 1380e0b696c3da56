/**
 * Baseline for benchmark 2: a bare Fastify route that validates the same JSON as the MES system
 * API's production-performance inbound (the canonical ProductionConfirmation rules) and hands it
 * to a BullMQ queue with `queue.add` — no auth, dedup, database or receipt.
 */
import 'reflect-metadata';
import { ProductionConfirmation } from '@plantsync/canonical';
import { Queue } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import Fastify from 'fastify';
import { Redis } from 'ioredis';

const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const queue = new Queue('bare-confirmations', { connection, prefix: process.env.BENCH_QUEUE_PREFIX ?? 'bench' });
const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });

app.post('/production-performance', async (request, reply) => {
  const body = request.body as { confirmations?: unknown[] };
  const messages = Array.isArray(body.confirmations) ? body.confirmations : [body];
  for (const message of messages) {
    const errors = await validate(plainToInstance(ProductionConfirmation, message), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) return reply.code(400).send({ errors: errors.map((e) => e.property) });
  }
  if (messages.length === 1) await queue.add('confirmation', messages[0]);
  else await queue.addBulk(messages.map((data) => ({ name: 'confirmation', data })));
  return reply.code(202).send({ accepted: messages.length });
});
app.get('/health', async () => ({ ok: true }));

app.listen({ port: Number(process.env.BARE_PORT ?? 4902), host: '127.0.0.1' }).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
