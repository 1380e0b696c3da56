import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { validateConfig } from '@plantsync/platform';
import { PersistenceConfig } from './persistence.config';

export interface PersistenceOptions {
  /** App name, e.g. 'erp-api'. */
  app: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes as Function
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- idem
  migrations: Function[];
}

export type DatabaseKind = 'sqlite' | 'postgres';

export function defaultSchemaName(app: string): string {
  return app.replace(/-/g, '_').toLowerCase();
}

export function databaseKind(env: Record<string, string | undefined> = process.env): DatabaseKind {
  return env.DATABASE_URL ? 'postgres' : 'sqlite';
}

/**
 * The one place that turns env into TypeORM options, used by PersistenceModule and by scripts
 * (migration checks, seeding). synchronize is always off: the schema changes only through
 * checked-in migrations, which run at boot.
 */
export function buildDataSourceOptions(
  options: PersistenceOptions,
  env: Record<string, string | undefined> = process.env,
): DataSourceOptions {
  const config = validateConfig(PersistenceConfig, env);
  const common = {
    entities: options.entities,
    migrations: options.migrations,
    synchronize: false,
    migrationsRun: true,
    migrationsTableName: 'typeorm_migrations',
    // Each migration in its own transaction: a failing one leaves the earlier ones applied.
    migrationsTransactionMode: 'each' as const,
  };
  if (config.DATABASE_URL) {
    const schema = config.DATABASE_SCHEMA ?? defaultSchemaName(options.app);
    return {
      ...common,
      type: 'postgres',
      url: config.DATABASE_URL,
      schema,
      applicationName: `plantsync:${options.app}`,
      // Raw queries land in the app's schema too.
      extra: { options: `-c search_path=${schema}` },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.DATABASE_SQLITE_PATH ?? path.join('var', `${options.app}.sqlite`),
    enableWAL: true,
  };
}
