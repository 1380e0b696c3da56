import {
  createEvent,
  EventTypes,
  OutboxEvent,
  OutboxRelay,
  OutboxWriter,
  type EventSubscription,
} from '@plantsync/messaging';
import { messagingFixture, type MessagingFixture } from './messaging-fixture';

const subscriptions: EventSubscription[] = [
  { subscriber: 'order-release', types: [EventTypes.MaterialReserved, EventTypes.ProductionOrderReleased] },
  { subscriber: 'production-sync', types: '*' },
];
const QUEUES = ['events.order-release', 'events.production-sync'];

function reserved(n: number) {
  return createEvent({
    type: EventTypes.MaterialReserved,
    source: '/plantsync/order-release',
    subject: `P100/PO-${5000 + n}`,
    data: {
      plant: 'P100',
      productionOrder: `PO-${5000 + n}`,
      reservation: `RES-${n}`,
      lines: [{ item: 'BRKT-1042', quantity: { value: '12', unit: 'EA' } }],
    },
    correlationId: `corr-PO-${5000 + n}`,
  });
}

const adjusted = () =>
  createEvent({
    type: EventTypes.InventoryAdjusted,
    source: '/plantsync/wms-api',
    subject: 'P100/BRKT-1042',
    data: { plant: 'P100', location: 'RM-01', item: 'BRKT-1042', delta: { value: '-2', unit: 'EA' }, reason: 'scrap' },
    correlationId: 'corr-scrap-1',
  });

describe.each(['sqlite', 'postgres'] as const)('outbox on %s', (kind) => {
  let fx: MessagingFixture;
  const writer = new OutboxWriter();

  beforeAll(async () => {
    fx = await messagingFixture('outbox', kind);
  });
  afterAll(async () => fx?.cleanup(QUEUES));
  afterEach(async () => {
    for (const q of QUEUES) await fx.queues.queue(q).obliterate({ force: true });
    await fx.dataSource.getRepository(OutboxEvent).clear();
  });

  async function jobIds(queue: string): Promise<string[]> {
    const jobs = await fx.queues.queue(queue).getJobs(['wait', 'delayed', 'active', 'completed']);
    return jobs.map((j) => j.id!).sort();
  }

  it('writes state and events in one transaction: a rollback leaves no event', async () => {
    await expect(
      fx.dataSource.transaction(async (manager) => {
        await writer.write(manager, reserved(1));
        throw new Error('ERP said no');
      }),
    ).rejects.toThrow('ERP said no');
    expect(await fx.dataSource.getRepository(OutboxEvent).count()).toBe(0);
  });

  it('delivers each event once to each subscriber even with two relays running concurrently', async () => {
    const events = [...Array.from({ length: 30 }, (_, i) => reserved(i)), adjusted()];
    await fx.dataSource.transaction((m) => writer.write(m, ...events));
    const options = { batchSize: 7, pollIntervalMs: 50, claimTimeoutMs: 30_000 };
    const a = new OutboxRelay(fx.dataSource, fx.queues, subscriptions, options);
    const b = new OutboxRelay(fx.dataSource, fx.queues, subscriptions, options);
    const drain = async (r: OutboxRelay) => {
      let total = 0;
      for (let n = await r.runOnce(); n > 0; n = await r.runOnce()) total += n;
      return total;
    };
    const [na, nb] = await Promise.all([drain(a), drain(b)]);
    expect(na + nb).toBe(31); // every row claimed by exactly one relay

    expect(await jobIds('events.order-release')).toEqual(events.slice(0, 30).map((e) => `order-release-${e.id}`).sort());
    expect(await jobIds('events.production-sync')).toHaveLength(31);
    const rows = await fx.dataSource.getRepository(OutboxEvent).find();
    expect(rows.every((r) => r.publishedAt !== null && r.attempts === 1)).toBe(true);
  });

  it('a relay that crashed between publish and mark publishes again without a duplicate job', async () => {
    const event = reserved(77);
    await fx.dataSource.transaction((m) => writer.write(m, event));
    const crashed = new OutboxRelay(fx.dataSource, fx.queues, subscriptions, { batchSize: 10, pollIntervalMs: 50, claimTimeoutMs: 1 });
    const rows = await crashed.claim();
    await crashed.publish(rows); // …and dies before markPublished
    await new Promise((r) => setTimeout(r, 20)); // its claim goes stale
    const next = new OutboxRelay(fx.dataSource, fx.queues, subscriptions, { batchSize: 10, pollIntervalMs: 50, claimTimeoutMs: 1 });
    expect(await next.runOnce()).toBe(1);
    expect(await jobIds('events.order-release')).toEqual([`order-release-${event.id}`]);
    expect(await jobIds('events.production-sync')).toEqual([`production-sync-${event.id}`]);
    const job = await fx.queues.queue('events.order-release').getJob(`order-release-${event.id}`);
    expect(job?.data).toMatchObject({ id: event.id, correlationid: 'corr-PO-5077', type: EventTypes.MaterialReserved });
  });

  it('wakes up at once when nudged instead of waiting for the poll', async () => {
    const relay = new OutboxRelay(fx.dataSource, fx.queues, subscriptions, { batchSize: 10, pollIntervalMs: 60_000, claimTimeoutMs: 30_000 });
    relay.start();
    try {
      await new Promise((r) => setTimeout(r, 100)); // first (empty) round done, now sleeping 60 s
      const event = reserved(90);
      await fx.dataSource.transaction((m) => writer.write(m, event));
      relay.nudge();
      const started = Date.now();
      while ((await jobIds('events.order-release')).length === 0 && Date.now() - started < 5000)
        await new Promise((r) => setTimeout(r, 20));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await jobIds('events.order-release')).toEqual([`order-release-${event.id}`]);
    } finally {
      await relay.stop();
    }
  });
});
