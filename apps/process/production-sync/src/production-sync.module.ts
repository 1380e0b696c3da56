import { type DynamicModule, Module } from '@nestjs/common';
import { ClientsModule, ErpApiClient, SyncObservationReporter, WmsApiClient, type ClientsOverrides } from '@plantsync/clients';
import {
  DeadLettersModule,
  eventQueueName,
  MessagingModule,
  messagingEntities,
  messagingMigrations,
  PROCESS_JOB_CATALOGUE,
  ProcessQueue,
  type RetryPolicy,
} from '@plantsync/messaging';
import { PersistenceModule } from '@plantsync/persistence';
import { PlatformModule } from '@plantsync/platform';
import { loadProductionSyncSettings, type ProductionSyncSettings } from './config/production-sync.settings';
import { PRODUCTION_SYNC_SETTINGS, SUBSCRIBER } from './config/production-sync.tokens';
import { SyncExceptionsController } from './exceptions/sync-exceptions.controller';
import { persistenceRegistration } from './persistence.registration';
import { ConfirmationPoster } from './posting/confirmation-poster';
import { runsApi, runsWorkers, type ProductionSyncRole } from './production-sync.role';
import { GapDeadlineHandler } from './sequencing/gap-deadline.handler';
import { OrderDrainLock } from './sequencing/order-drain-lock';
import { OrderSequencer } from './sequencing/order-sequencer';
import { PerformanceReceivedHandler } from './sequencing/performance-received.handler';
import { PerformanceReceivedDelivery } from './sequencing/performance-received.job';
import { ProductionSyncObserver } from './sync-health/production-sync-observer';

export const APP = 'production-sync';

export interface ProductionSyncOptions {
  role?: ProductionSyncRole;
  /**
   * Where the system APIs and reconciliation (sync health) are (tests); default from env (ERP_API_URL,
   * MES_API_URL, WMS_API_URL, RECONCILIATION_API_URL, PLANTSYNC_SERVICE_API_KEY).
   */
  clients?: ClientsOverrides;
  /** Retry policy overrides per queue (tests shorten them); default PLANTSYNC_RETRY_POLICIES. */
  retryPolicies?: Record<string, Partial<RetryPolicy>>;
  /** Overrides of the env settings (gap timeout, closed periods, line location). */
  settings?: Partial<ProductionSyncSettings>;
  /** Jobs run at once per queue; default PRODUCTION_SYNC_WORKER_CONCURRENCY (settings). */
  concurrency?: number;
}

/**
 * Root module. The worker role consumes `events.production-sync` (mes-api's ProductionPerformanceReceived)
 * and the gap deadlines on `production-sync`; the api role serves exceptions and dead letters.
 * Both relay the outbox (QualityHoldCreated, WorkOrderCompleted).
 */
@Module({})
export class ProductionSyncModule {
  static forRoot(opts: ProductionSyncOptions = {}): DynamicModule {
    const role = opts.role ?? 'all';
    const settings: ProductionSyncSettings = { ...loadProductionSyncSettings(), ...opts.settings };
    const queues = [eventQueueName(SUBSCRIBER), ProcessQueue.ProductionSync];
    return {
      module: ProductionSyncModule,
      imports: [
        PlatformModule.forRoot({ app: APP }),
        PersistenceModule.forRoot({
          app: APP,
          entities: [...messagingEntities, ...persistenceRegistration.entities],
          migrations: [...messagingMigrations, ...persistenceRegistration.migrations],
        }),
        MessagingModule.forRoot({
          app: APP,
          relay: true,
          ...(opts.retryPolicies ? { retryPolicies: opts.retryPolicies } : {}),
          ...(runsWorkers(role)
            ? {
                workers: {
                  queues,
                  catalogue: [...PROCESS_JOB_CATALOGUE, PerformanceReceivedDelivery],
                  concurrency: opts.concurrency ?? settings.workerConcurrency,
                },
              }
            : {}),
        }),
        // One circuit per plant × system, like the other process apps: a dead ERP at P200 fails
        // fast (the job is deferred, never dead-lettered) while P100's confirmations keep posting.
        // Its sync-observation reporter sends posted and dead-lettered confirmations to sync health.
        ClientsModule.forRoot({ ...opts.clients, circuitBreakers: true, syncObservationsSource: APP }),
        ...(runsApi(role) ? [DeadLettersModule] : []),
      ],
      controllers: runsApi(role) ? [SyncExceptionsController] : [],
      providers: [
        { provide: PRODUCTION_SYNC_SETTINGS, useValue: settings },
        {
          provide: ConfirmationPoster,
          inject: [ErpApiClient, WmsApiClient],
          useFactory: (erp: ErpApiClient, wms: WmsApiClient) => new ConfirmationPoster(erp, wms, settings),
        },
        {
          provide: ProductionSyncObserver,
          inject: [SyncObservationReporter],
          useFactory: (reporter: SyncObservationReporter) => new ProductionSyncObserver(reporter),
        },
        OrderDrainLock,
        OrderSequencer,
        ...(runsWorkers(role) ? [PerformanceReceivedHandler, GapDeadlineHandler] : []),
      ],
    };
  }
}
