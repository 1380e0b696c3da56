import { messagingEntities, messagingMigrations, OutboxEvent } from '@plantsync/messaging';
import { buildDataSourceOptions, bulkInsert, prepareDatabase } from '@plantsync/persistence';
import { createTestDatabase, type TestDatabase } from '@plantsync/testing';
import { DataSource } from 'typeorm';

const event = (id: string): OutboxEvent => ({
  id,
  type: 'io.plantsync.mes.production-performance.received.v1',
  subject: 'P100/MO-P100-000031',
  payload: JSON.stringify({ data: { plant: 'P100', productionOrder: 'MO-P100-000031' } }),
  correlationId: 'corr-MO-P100-000031',
  createdAt: new Date('2026-11-02T10:15:01.412Z'),
  publishedAt: null,
  attempts: 0,
  claimedBy: null,
  claimedAt: null,
});

/** The raw stored columns, without the primary key. */
async function storedRow(dataSource: DataSource, id: string): Promise<Record<string, unknown>> {
  const [row] = (await dataSource.query(
    `SELECT * FROM "outbox_event" WHERE "id" = ${dataSource.options.type === 'postgres' ? '$1' : '?'}`,
    [id],
  )) as Array<Record<string, unknown>>;
  const { id: _id, ...columns } = row;
  return columns;
}

describe.each(['sqlite', 'postgres'] as const)('bulkInsert on %s', (kind) => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = createTestDatabase(kind);
    const options = buildDataSourceOptions(
      { app: 'bulk-insert-test', entities: messagingEntities, migrations: messagingMigrations },
      db.env,
    );
    await prepareDatabase(options);
    dataSource = new DataSource({ ...options, logging: false });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.cleanup();
  });

  it('stores rows exactly as repository.insert does (dates, nulls, integers)', async () => {
    await dataSource.getRepository(OutboxEvent).insert(event('by-repository'));
    await bulkInsert(dataSource.manager, OutboxEvent, [event('by-bulk-insert')]);
    expect(await storedRow(dataSource, 'by-bulk-insert')).toEqual(
      await storedRow(dataSource, 'by-repository'),
    );
    const read = await dataSource
      .getRepository(OutboxEvent)
      .findOneByOrFail({ id: 'by-bulk-insert' });
    expect(read.createdAt.toISOString()).toBe('2026-11-02T10:15:01.412Z');
  });

  it('skips conflicting rows and returns only the rows it inserted, across several statements', async () => {
    await bulkInsert(dataSource.manager, OutboxEvent, [event('existing-1'), event('existing-2')]);
    const ids = Array.from({ length: 250 }, (_, i) => `new-${i}`);
    const returned = await bulkInsert(
      dataSource.manager,
      OutboxEvent,
      [event('existing-1'), ...ids.map(event), event('existing-2')],
      { skipConflicts: true, returning: ['id'] },
    );
    expect(returned.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await dataSource.getRepository(OutboxEvent).count()).toBe(2 + 2 + 250);
  });
});
