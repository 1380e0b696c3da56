import { type DynamicModule, Module } from '@nestjs/common';
import { ClientsModule, ErpApiClient, SyncObservationReporter, WmsApiClient, type ClientsOverrides } from '@plantsync/clients';
import {
  DeadLettersModule,
  MessagingModule,
  messagingEntities,
  messagingMigrations,
  PROCESS_JOB_CATALOGUE,
  ProcessQueue,
  type RetryPolicy,
} from '@plantsync/messaging';
import { PersistenceModule } from '@plantsync/persistence';
import { PlatformModule } from '@plantsync/platform';
import { SagaModule, sagaEntities, sagaMigrations, type SagaRecoveryOptions } from '@plantsync/saga';
import { persistenceRegistration } from './persistence.registration';
import { runsApi, runsWorkers, type InventoryTransferRole } from './inventory-transfer.role';
import { InventoryTransferObserver } from './transfers/inventory-transfer.observer';
import { INVENTORY_TRANSFER_SHAPE, inventoryTransferSaga } from './transfers/inventory-transfer.saga';
import { InventoryTransfersModule } from './transfers/inventory-transfers.module';

export const APP = 'inventory-transfer';

/** How long the destination has to receive a shipped transfer before it becomes an exception. */
export const DEFAULT_RECEIPT_WINDOW_MS = 14 * 24 * 3600_000;

export interface InventoryTransferOptions {
  role?: InventoryTransferRole;
  /** Where the system APIs are (tests); default from env (ERP_API_URL, WMS_API_URL, PLANTSYNC_SERVICE_API_KEY). */
  clients?: ClientsOverrides;
  /** Retry policy of the inventory-transfer queue (tests shorten it); default PLANTSYNC_RETRY_POLICIES. */
  retryPolicy?: Partial<RetryPolicy>;
  receiptWindowMs?: number;
  recovery?: Partial<SagaRecoveryOptions> | false;
  concurrency?: number;
}

/**
 * Root module. The api role serves REST (and writes start/receipt events); the worker role runs
 * the saga's jobs and recovery sweep; both relay the outbox (the relay claims rows, so several
 * relays never publish one event twice).
 */
@Module({})
export class InventoryTransferModule {
  static forRoot(opts: InventoryTransferOptions = {}): DynamicModule {
    const role = opts.role ?? 'all';
    const receiptWindowMs = opts.receiptWindowMs ?? Number(process.env.INVENTORY_TRANSFER_RECEIPT_WINDOW_MS ?? DEFAULT_RECEIPT_WINDOW_MS);
    const queue = ProcessQueue.InventoryTransfer;
    // The steps get ClientsModule's clients, which run every call through the circuit of its
    // plant × system (an open circuit defers the job instead of spending its attempts), and its
    // sync-observation reporter (best-effort reports to sync health, flushed at shutdown).
    const saga = SagaModule.registerAsync({
      shape: INVENTORY_TRANSFER_SHAPE,
      worker: runsWorkers(role),
      ...(opts.recovery !== undefined ? { recovery: opts.recovery } : {}),
      inject: [ErpApiClient, WmsApiClient, SyncObservationReporter],
      useFactory: (erp: ErpApiClient, wms: WmsApiClient, reporter: SyncObservationReporter) =>
        inventoryTransferSaga({ erp, wms, receiptWindowMs, observer: new InventoryTransferObserver(reporter) }),
    });
    return {
      module: InventoryTransferModule,
      imports: [
        PlatformModule.forRoot({ app: APP }),
        PersistenceModule.forRoot({
          app: APP,
          entities: [...sagaEntities, ...messagingEntities, ...persistenceRegistration.entities],
          migrations: [...sagaMigrations, ...messagingMigrations, ...persistenceRegistration.migrations],
        }),
        MessagingModule.forRoot({
          app: APP,
          relay: true,
          ...(opts.retryPolicy ? { retryPolicies: { [queue]: opts.retryPolicy } } : {}),
          ...(runsWorkers(role)
            ? { workers: { queues: [queue], catalogue: PROCESS_JOB_CATALOGUE, ...(opts.concurrency ? { concurrency: opts.concurrency } : {}) } }
            : {}),
        }),
        ClientsModule.forRoot({ ...opts.clients, circuitBreakers: true, syncObservationsSource: APP }),
        saga,
        ...(runsApi(role) ? [InventoryTransfersModule.register(saga), DeadLettersModule] : []),
      ],
    };
  }
}
