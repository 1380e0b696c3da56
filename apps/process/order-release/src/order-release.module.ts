import { type DynamicModule, Module } from '@nestjs/common';
import { ClientsModule, ErpApiClient, MesApiClient, SyncObservationReporter, WmsApiClient, type ClientsModuleOptions } from '@plantsync/clients';
import { DeadLettersModule, MessagingModule, type RetryPolicy, messagingEntities, messagingMigrations, PROCESS_JOB_CATALOGUE, ProcessQueue } from '@plantsync/messaging';
import { PersistenceModule } from '@plantsync/persistence';
import { PlatformModule } from '@plantsync/platform';
import { SagaModule, sagaEntities, sagaMigrations, type SagaRecoveryOptions } from '@plantsync/saga';
import type { OrderReleaseConfig } from './config/order-release.config';
import { OrderReleasesModule } from './releases/order-releases.module';
import { OrderReleaseObserver } from './saga/order-release.observer';
import { ORDER_RELEASE_SHAPE, orderReleaseSaga } from './saga/order-release.saga';

export const ORDER_RELEASE_APP = 'order-release';

export interface OrderReleaseModuleOptions {
  config: OrderReleaseConfig;
  /** System API URLs/key/timeout overrides (tests); default from env (ClientsConfig). */
  clients?: ClientsModuleOptions;
  /** Retry policy overrides of the order-release queue (tests: fewer, faster retries). */
  retryPolicies?: Record<string, Partial<RetryPolicy>>;
  /** Recovery sweep overrides (tests). */
  recovery?: Partial<SagaRecoveryOptions> | false;
}

/**
 * The order-release process app: the REST API, the release saga (libs/saga) on the order-release
 * queue, the outbox relay and the dead-letter admin API. ORDER_RELEASE_ROLE decides whether this
 * process serves HTTP, runs the saga's jobs, or both.
 */
@Module({})
export class OrderReleaseModule {
  static forRoot(options: OrderReleaseModuleOptions): DynamicModule {
    const { config } = options;
    const worker = config.ORDER_RELEASE_ROLE !== 'api';
    return {
      module: OrderReleaseModule,
      imports: [
        PlatformModule.forRoot({ app: ORDER_RELEASE_APP }),
        PersistenceModule.forRoot({
          app: ORDER_RELEASE_APP,
          entities: [...sagaEntities, ...messagingEntities],
          migrations: [...sagaMigrations, ...messagingMigrations],
        }),
        MessagingModule.forRoot({
          app: ORDER_RELEASE_APP,
          relay: true,
          retryPolicies: options.retryPolicies,
          ...(worker
            ? { workers: { queues: [ProcessQueue.OrderRelease], catalogue: PROCESS_JOB_CATALOGUE, concurrency: config.ORDER_RELEASE_WORKER_CONCURRENCY } }
            : {}),
        }),
        ClientsModule.forRoot({ ...options.clients ?? {}, circuitBreakers: true, syncObservationsSource: ORDER_RELEASE_APP }),
        SagaModule.registerAsync({
          shape: ORDER_RELEASE_SHAPE,
          worker,
          recovery: options.recovery,
          inject: [ErpApiClient, WmsApiClient, MesApiClient, SyncObservationReporter],
          useFactory: (erp: ErpApiClient, wms: WmsApiClient, mes: MesApiClient, reporter: SyncObservationReporter) =>
            orderReleaseSaga({
              erp,
              wms,
              mes,
              approvalTimeoutSeconds: config.ORDER_RELEASE_APPROVAL_TIMEOUT_SECONDS,
              observer: new OrderReleaseObserver(reporter),
            }),
        }),
        OrderReleasesModule,
        DeadLettersModule,
      ],
    };
  }
}
