import { DataSource, DataSourceOptions } from 'typeorm';
import { prepareDatabase } from './prepare-database';

/**
 * Runs every migration on the given (fresh) database, then asks TypeORM's schema builder what
 * it would still change to match the entities. Non-empty means entities and migrations drift.
 */
export async function pendingSchemaChanges(options: DataSourceOptions): Promise<string[]> {
  await prepareDatabase(options);
  const dataSource = new DataSource({
    ...options,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}
