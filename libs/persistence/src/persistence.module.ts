import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthRegistry } from '@plantsync/platform';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, PersistenceOptions } from './data-source-options';
import { prepareDatabase } from './prepare-database';

/** Adds the 'database' readiness check (SELECT 1). */
@Injectable()
export class DatabaseHealthCheck implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }
}

/**
 * The app's TypeORM data source: SQLite at var/<app>.sqlite by default, PostgreSQL in the
 * app's own schema when DATABASE_URL is set. Migrations run at boot; synchronize never.
 * Needs PlatformModule (for HealthRegistry). Entities are injected with TypeOrmModule.forFeature.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            const dataSourceOptions = buildDataSourceOptions(options);
            await prepareDatabase(dataSourceOptions);
            return { ...dataSourceOptions, retryAttempts: 3, retryDelay: 1000 };
          },
        }),
      ],
      providers: [DatabaseHealthCheck],
      exports: [TypeOrmModule],
    };
  }
}
