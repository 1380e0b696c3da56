import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '@plantsync/testing';
import { DataSource } from 'typeorm';
import { OrderDrainLock } from '../../../apps/process/production-sync/src/sequencing/order-drain-lock';

/**
 * OrderDrainLock on PostgreSQL: two data sources stand for two worker processes (separate pools,
 * separate sessions). A drain of an order waits at the database while another process drains it;
 * other orders do not wait; a process whose session dies frees the order.
 */
jest.setTimeout(60_000);

let db: TestDatabase;
const sources: DataSource[] = [];
/** Names this file's sessions, so lock probes never see another test's (or helper's) sessions. */
const appName = () => `drain-lock-${db.env.DATABASE_SCHEMA}`;

async function worker(): Promise<{ lock: OrderDrainLock; source: DataSource }> {
  const source = new DataSource({
    type: 'postgres',
    url: TEST_POSTGRES_URL,
    schema: db.env.DATABASE_SCHEMA,
    applicationName: appName(),
  });
  await source.initialize();
  sources.push(source);
  return { lock: new OrderDrainLock(source), source };
}

/** Polls PostgreSQL until some session waits for an advisory lock (bounded by tries). */
async function someoneWaitsForTheLock(source: DataSource): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const [row] = await source.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND NOT l.granted AND a.application_name = $1`,
      [appName()],
    );
    if (Number(row?.n) > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no session ever waited for the order lock');
}

beforeAll(() => {
  db = createTestDatabase('postgres');
});
afterAll(async () => {
  for (const s of sources) if (s.isInitialized) await s.destroy();
  await db?.cleanup();
});

it('a second process drains an order only after the first has finished with it', async () => {
  const [a, b] = [await worker(), await worker()];
  const steps: string[] = [];
  let bDone: Promise<void> | undefined;
  await a.lock.run('P200', 'MO-P200-0002', async () => {
    steps.push('first starts');
    bDone = b.lock.run('P200', 'MO-P200-0002', async () => {
      steps.push('second starts');
    });
    await someoneWaitsForTheLock(a.source); // the second process is blocked at the database
    steps.push('first ends');
  });
  await bDone;
  expect(steps).toEqual(['first starts', 'first ends', 'second starts']);
});

it('drains of other orders do not wait', async () => {
  const [a, b] = [await worker(), await worker()];
  const steps: string[] = [];
  await a.lock.run('P200', 'MO-P200-0003', async () => {
    await b.lock.run('P200', 'MO-P200-0004', async () => {
      steps.push('other order drained');
    });
    steps.push('first ends');
  });
  expect(steps).toEqual(['other order drained', 'first ends']);
});

it('in one process, calls for an order queue behind each other and a failed drain frees the order', async () => {
  const { lock } = await worker();
  const steps: string[] = [];
  const first = lock.run('P100', 'MO-P100-0009', async () => {
    steps.push('first starts');
    await new Promise((r) => setImmediate(r));
    steps.push('first fails');
    throw new Error('ERP unavailable');
  });
  const second = lock.run('P100', 'MO-P100-0009', async () => {
    steps.push('second runs');
  });
  await expect(first).rejects.toThrow('ERP unavailable');
  await second;
  expect(steps).toEqual(['first starts', 'first fails', 'second runs']);
});

it('a process whose database session dies mid-drain frees the order for the others', async () => {
  const [a, b] = [await worker(), await worker()];
  let holderPid = 0;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const first = a.lock.run('P300', 'MO-P300-0001', async () => {
    const [row] = await a.source.query<Array<{ pid: number }>>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() AND pid IN (SELECT pid FROM pg_stat_activity WHERE application_name = $1)`,
      [appName()],
    );
    holderPid = row!.pid;
    await held;
  });
  const second = b.lock.run('P300', 'MO-P300-0001', async () => 'drained by the second process');
  await someoneWaitsForTheLock(b.source);
  // The first process's session is gone (as when its process dies): its lock goes with it.
  await b.source.query('SELECT pg_terminate_backend($1)', [holderPid]);
  await expect(second).resolves.toBe('drained by the second process');
  release();
  await first.catch(() => undefined);
});
