// libs/persistence: the TypeORM data source every app with state boots with.
export { PersistenceModule, DatabaseHealthCheck } from './persistence.module';
export {
  buildDataSourceOptions,
  databaseKind,
  defaultSchemaName,
  type DatabaseKind,
  type PersistenceOptions,
} from './data-source-options';
export { PersistenceConfig } from './persistence.config';
export { prepareDatabase } from './prepare-database';
export { pendingSchemaChanges } from './migration-drift';
export { serialisedTransaction } from './serialised-transaction';
export { GroupCommit, type GroupWrite, type GroupCommitOptions } from './group-commit';
export { bulkInsert, type BulkInsertOptions } from './bulk-insert';
