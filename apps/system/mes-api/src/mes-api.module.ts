import { DynamicModule, Module } from '@nestjs/common';
import { b2mmlMesConnectorFactory, ConnectorsModule } from '@plantsync/connectors';
import { Landscape, LandscapeModule } from '@plantsync/landscape';
import {
  EventTypes,
  MessagingModule,
  messagingEntities,
  messagingMigrations,
} from '@plantsync/messaging';
import { PersistenceModule } from '@plantsync/persistence';
import { PlatformModule } from '@plantsync/platform';
import { persistenceRegistration } from './persistence.registration';
import { ProductionPerformanceModule } from './production-performance/production-performance.module';
import { WorkOrdersModule } from './work-orders/work-orders.module';

/** MES system API: each plant's MES through the canonical model, plus the durable inbound for production. */
@Module({})
export class MesApiModule {
  static forRoot(opts: { landscape?: Landscape } = {}): DynamicModule {
    return {
      module: MesApiModule,
      imports: [
        PlatformModule.forRoot({ app: 'mes-api' }),
        LandscapeModule.forRoot({ landscape: opts.landscape }),
        ConnectorsModule.forRoot({ factories: [b2mmlMesConnectorFactory], systems: ['mes'] }),
        PersistenceModule.forRoot({
          app: persistenceRegistration.app,
          entities: [...messagingEntities, ...persistenceRegistration.entities],
          migrations: [...messagingMigrations, ...persistenceRegistration.migrations],
        }),
        // Every stored confirmation is handed to production-sync through the outbox (written in the
        // same transaction as the confirmation), so a stored message is never left unannounced.
        MessagingModule.forRoot({
          app: 'mes-api',
          relay: true,
          subscriptions: [
            { subscriber: 'production-sync', types: [EventTypes.ProductionPerformanceReceived] },
          ],
        }),
        WorkOrdersModule,
        ProductionPerformanceModule,
      ],
    };
  }
}
