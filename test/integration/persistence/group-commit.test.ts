import { buildDataSourceOptions, GroupCommit, prepareDatabase } from '@plantsync/persistence';
import { createTestDatabase, type TestDatabase } from '@plantsync/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { CreateSyncCursor1718000000000, SyncCursor } from './fixtures';

/** A writer's request: cursors to store; its result: the ids it stored itself (the others existed). */
type Request = { plant: string; ids: string[] };

/** Stores each request's cursors (skipping ids that exist), tells each request which ones it stored. */
async function storeNew(manager: EntityManager, requests: readonly Request[]): Promise<string[][]> {
  const repo = manager.getRepository(SyncCursor);
  const results: string[][] = [];
  for (const r of requests) {
    const stored: string[] = [];
    for (const id of r.ids) {
      if (await repo.existsBy({ id })) continue;
      await repo.insert({ id, plant: r.plant, domain: 'inventory', cursor: null });
      stored.push(id);
    }
    results.push(stored);
  }
  return results;
}

describe.each(['sqlite', 'postgres'] as const)('GroupCommit on %s', (kind) => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = createTestDatabase(kind);
    const options = buildDataSourceOptions(
      {
        app: 'group-commit-test',
        entities: [SyncCursor],
        migrations: [CreateSyncCursor1718000000000],
      },
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

  afterEach(async () => {
    await dataSource.getRepository(SyncCursor).clear();
  });

  const storedIds = async () =>
    (await dataSource.getRepository(SyncCursor).find({ order: { id: 'ASC' } })).map((c) => c.id);

  it('commits concurrent requests and tells each caller exactly what it stored', async () => {
    let commits = 0;
    const group = new GroupCommit(dataSource, storeNew, { afterCommit: () => commits++ });
    const answers = await Promise.all([
      group.submit({ plant: 'P100', ids: ['a', 'b'] }),
      group.submit({ plant: 'P100', ids: ['b', 'c'] }),
      group.submit({ plant: 'P200', ids: ['d'] }),
    ]);
    expect(answers).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(await storedIds()).toEqual(['a', 'b', 'c', 'd']);
    expect(commits).toBe(1); // submitted together: one transaction
  });

  it('fails every request of a failing flush and commits none of their writes', async () => {
    const group = new GroupCommit<Request, string[]>(dataSource, async (manager, requests) => {
      const results = await storeNew(manager, requests);
      if (requests.some((r) => r.ids.includes('poison'))) throw new Error('disk full');
      return results;
    });
    const answers = await Promise.allSettled([
      group.submit({ plant: 'P100', ids: ['a'] }),
      group.submit({ plant: 'P100', ids: ['poison'] }),
      group.submit({ plant: 'P100', ids: ['b'] }),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await storedIds()).toEqual([]);

    // The next flush is independent of the failed one.
    await expect(group.submit({ plant: 'P100', ids: ['a'] })).resolves.toEqual(['a']);
    expect(await storedIds()).toEqual(['a']);
  });

  it('splits a burst at the weight bound but never splits a request', async () => {
    let commits = 0;
    const group = new GroupCommit(dataSource, storeNew, {
      maxWeightPerFlush: 3,
      weightOf: (r) => r.ids.length,
      afterCommit: () => commits++,
    });
    const answers = await Promise.all([
      group.submit({ plant: 'P100', ids: ['a', 'b'] }),
      group.submit({ plant: 'P100', ids: ['c', 'd', 'e', 'f'] }),
      group.submit({ plant: 'P100', ids: ['g'] }),
    ]);
    expect(answers).toEqual([['a', 'b'], ['c', 'd', 'e', 'f'], ['g']]);
    expect(await storedIds()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(commits).toBe(3);
  });
});
