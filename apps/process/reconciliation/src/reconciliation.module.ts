import { type DynamicModule, Module } from '@nestjs/common';
import { ClientsModule, type ClientsOverrides } from '@plantsync/clients';
import { Landscape, LandscapeModule } from '@plantsync/landscape';
import { MessagingModule, messagingEntities, messagingMigrations, PROCESS_JOB_CATALOGUE, ProcessQueue, type RetryPolicy } from '@plantsync/messaging';
import { PersistenceModule } from '@plantsync/persistence';
import { PlatformModule } from '@plantsync/platform';
import { DifferenceTracer } from './inventory/difference-trace';
import { InventoryReconciler } from './inventory/inventory-reconciler.service';
import { MasterDataReconciler } from './master-data/master-data-reconciler.service';
import { OrdersReconciler } from './orders/orders-reconciler.service';
import { persistenceRegistration } from './persistence.registration';
import { DOMAIN_RECONCILERS, type DomainReconciler } from './runs/domain-reconciler';
import { ReconciliationRunsController } from './runs/reconciliation-runs.controller';
import { ReconciliationRunsService } from './runs/reconciliation-runs.service';
import { ReconcileDomainHandler } from './schedule/reconcile-domain.handler';
import { ReconciliationSchedule } from './schedule/reconciliation-schedule.service';
import { BackendReadiness } from './sync-health/backend-readiness';
import { SyncHealthController } from './sync-health/sync-health.controller';
import { SyncHealthService } from './sync-health/sync-health.service';

export const APP = 'reconciliation';

export interface ReconciliationOptions {
  /** Where the system APIs are (tests); default from env (ERP_API_URL, WMS_API_URL, …, PLANTSYNC_SERVICE_API_KEY). */
  clients?: ClientsOverrides;
  landscape?: Landscape;
  /** Register the landscape's reconciliation job schedulers at boot (default true; tests turn it off). */
  schedule?: boolean;
  retryPolicy?: Partial<RetryPolicy>;
}

/**
 * Reconciliation and sync health: both observe how well the plants' systems agree, neither owns a
 * business process, so they share one app (its DB holds runs and sync observations side by side).
 */
@Module({})
export class ReconciliationModule {
  static forRoot(opts: ReconciliationOptions = {}): DynamicModule {
    const queue = ProcessQueue.Reconciliation;
    return {
      module: ReconciliationModule,
      imports: [
        PlatformModule.forRoot({ app: APP }),
        LandscapeModule.forRoot({ landscape: opts.landscape }),
        PersistenceModule.forRoot({
          app: APP,
          entities: [...messagingEntities, ...persistenceRegistration.entities],
          migrations: [...messagingMigrations, ...persistenceRegistration.migrations],
        }),
        MessagingModule.forRoot({
          app: APP,
          relay: true,
          // A run is long and restarts from scratch: one attempt more is enough, not the default ladder.
          retryPolicies: { [queue]: { attempts: 2, ...opts.retryPolicy } },
          workers: { queues: [queue], catalogue: PROCESS_JOB_CATALOGUE, concurrency: 1 },
        }),
        ClientsModule.forRoot(opts.clients),
      ],
      controllers: [ReconciliationRunsController, SyncHealthController],
      providers: [
        DifferenceTracer,
        InventoryReconciler,
        OrdersReconciler,
        MasterDataReconciler,
        {
          provide: DOMAIN_RECONCILERS,
          inject: [InventoryReconciler, OrdersReconciler, MasterDataReconciler],
          useFactory: (...reconcilers: DomainReconciler[]) => reconcilers,
        },
        ReconciliationRunsService,
        ReconcileDomainHandler,
        BackendReadiness,
        SyncHealthService,
        ...(opts.schedule === false ? [] : [ReconciliationSchedule]),
      ],
    };
  }
}
