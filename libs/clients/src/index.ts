// libs/clients: typed HTTP clients for the system APIs and the process APIs (docs/clients.md).
export { ErpApiClient } from './erp-api.client';
export type {
  BomExplosionQuery,
  EffectiveBomQuery,
  ListGoodsMovementsQuery,
  ListItemsQuery,
  ListProductionOrdersQuery,
  ListPurchaseOrdersQuery,
} from './erp-api.client';
export {
  MesApiClient,
  type DispatchWorkOrderInput,
  type ProductionPerformanceReceipt,
  type StoredProductionConfirmation,
} from './mes-api.client';
export { WmsApiClient, type AvailabilityQuery, type ListStockQuery } from './wms-api.client';
export { OrderReleaseApiClient } from './process/order-release-api.client';
export { InventoryTransferApiClient } from './process/inventory-transfer-api.client';
export {
  ReconciliationApiClient,
  MAX_SYNC_OBSERVATIONS_PER_REQUEST,
  type SyncObservation,
  type SyncObservationDomain,
} from './process/reconciliation-api.client';
export { SyncObservationReporter, type SyncObservationReporterOptions } from './process/sync-observation.reporter';
export { ProductionSyncApiClient } from './process/production-sync-api.client';
export { DeadLetterApis, DeadLettersApiClient, DEAD_LETTER_SOURCES, type DeadLetterSource } from './process/dead-letters-api.client';
export type * from './process/process-api.views';

export { ClientsModule, CLIENTS_SETTINGS, type ClientsModuleOptions } from './clients.module';
export {
  ClientsConfig,
  DEMO_SERVICE_API_KEY,
  loadClientsSettings,
  type ClientsOverrides,
  type ClientsSettings,
  type SystemApiUrls,
} from './config/clients.config';
export {
  API_KEY_HEADER,
  DEFAULT_SYSTEM_API_TIMEOUT_MS,
  SystemApiHttp,
  type SystemApiClientOptions,
  type CallGuard,
} from './http/system-api.http';

export * from './errors/system-api.errors';
export { errorFromAnswer, parseRetryAfter, problemCode, type FailedAnswer, type CallSite } from './errors/problem-to-error';

// The call context every method takes first (connectors use the same one).
export type { CallContext } from '@plantsync/connectors';
export { circuitBreakerGuard } from './http/circuit-breaker.guard';
