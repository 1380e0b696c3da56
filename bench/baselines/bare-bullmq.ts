/**
 * Baseline for benchmarks 3 and 4: bare BullMQ on the same Redis — no-op jobs added in bulk and
 * taken by one Worker with the concurrency the platform's workers use, keeping completed jobs as
 * the platform's default retry policy does. `POST /run {jobs, concurrency}` answers how long it
 * took from the first add until the last job completed.
 */
import { Queue, Worker } from 'bullmq';
import Fastify from 'fastify';
import { Redis } from 'ioredis';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = process.env.BENCH_QUEUE_PREFIX ?? 'bench';
const connection = new Redis(url, { maxRetriesPerRequest: null });
const queue = new Queue('bare-noop', { connection, prefix });
const workers = new Map<number, Worker>();
let completed = 0;
let target = 0;
let done: (() => void) | undefined;

/** One worker per concurrency asked for; a run never overlaps another (the bench awaits each). */
function worker(concurrency: number): Worker {
  let w = workers.get(concurrency);
  if (!w) {
    w = new Worker('bare-noop', async () => undefined, { connection: new Redis(url, { maxRetriesPerRequest: null }), prefix, concurrency });
    w.on('completed', () => {
      if (++completed >= target) done?.();
    });
    workers.set(concurrency, w);
  }
  for (const [c, other] of workers) {
    if (c === concurrency) other.resume();
    else void other.pause();
  }
  return w;
}

const app = Fastify({ logger: false });
app.post('/run', async (request) => {
  const { jobs, concurrency } = request.body as { jobs: number; concurrency: number };
  worker(concurrency);
  completed = 0;
  target = jobs;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const start = performance.now();
  for (let i = 0; i < jobs; i += 1000) {
    const n = Math.min(1000, jobs - i);
    await queue.addBulk(
      Array.from({ length: n }, (_, k) => ({
        name: 'noop',
        data: { n: i + k },
        opts: { removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } },
      })),
    );
  }
  await finished;
  return { jobs, seconds: (performance.now() - start) / 1000 };
});
app.get('/health', async () => ({ ok: true }));

app.listen({ port: Number(process.env.BARE_PORT ?? 4903), host: '127.0.0.1' }).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
