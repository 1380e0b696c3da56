import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ClientsModule, type ClientsOverrides } from '@plantsync/clients';
import { type Landscape, LandscapeModule } from '@plantsync/landscape';
import { ApiKeyRegistry, PlatformModule, validateConfig } from '@plantsync/platform';
import { AdvanceShipNoticesModule } from './advance-ship-notices/advance-ship-notices.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { PortalJwtVerifier } from './auth/portal-jwt.verifier';
import { ViewerAccessGuard } from './auth/viewer-access.guard';
import { GRAPHQL_API_CONFIG, GraphqlApiConfig } from './config/graphql-api.config';
import { graphqlOptions } from './graphql/graphql-options.factory';
import { InventoryModule } from './inventory/inventory.module';
import { InventoryTransfersModule } from './inventory-transfers/inventory-transfers.module';
import { RequestLoadersFactory } from './loaders/request-loaders.factory';
import { OrderReleasesModule } from './order-releases/order-releases.module';
import { ProgressModule } from './progress/progress.module';
import { ProductionOrdersModule } from './production-orders/production-orders.module';
import { PurchaseOrdersModule } from './purchase-orders/purchase-orders.module';
import { SupplierShortagesModule } from './supplier-shortages/supplier-shortages.module';
import { ViewerModule } from './viewer/viewer.module';

export interface GraphqlApiOptions {
  /** The plants inventoryPositions spans by default; loaded from PLANTSYNC_LANDSCAPE when absent. */
  landscape?: Landscape;
  /** System API URLs, service key and timeout (tests); otherwise from the env (libs/clients). */
  clients?: ClientsOverrides;
}

/** Providers every feature module uses, global within the app. */
@Module({})
class GraphqlApiCoreModule {
  static forRoot(): DynamicModule {
    return {
      module: GraphqlApiCoreModule,
      global: true,
      providers: [
        { provide: GRAPHQL_API_CONFIG, useFactory: () => validateConfig(GraphqlApiConfig) },
        {
          provide: PortalJwtVerifier,
          inject: [GRAPHQL_API_CONFIG],
          useFactory: async (config: GraphqlApiConfig) => {
            const verifier = new PortalJwtVerifier(config);
            await verifier.ready();
            return verifier;
          },
        },
        RequestLoadersFactory,
      ],
      exports: [GRAPHQL_API_CONFIG, PortalJwtVerifier, RequestLoadersFactory],
    };
  }
}

/**
 * The experience API: GraphQL for the supplier portal and planners. Owns no workflow and no data;
 * reads and writes the system APIs over HTTP through @plantsync/clients with its own service key,
 * and enforces who may see what itself.
 */
@Module({})
export class GraphqlApiModule {
  static forRoot(options: GraphqlApiOptions = {}): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        PlatformModule.forRoot({ app: 'graphql-api' }),
        LandscapeModule.forRoot({ landscape: options.landscape }),
        ClientsModule.forRoot(options.clients ?? {}),
        GraphqlApiCoreModule.forRoot(),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [GRAPHQL_API_CONFIG, ApiKeyRegistry, PortalJwtVerifier, RequestLoadersFactory],
          useFactory: graphqlOptions,
        }),
        PurchaseOrdersModule,
        AdvanceShipNoticesModule,
        ProductionOrdersModule,
        InventoryModule,
        OrderReleasesModule,
        InventoryTransfersModule,
        ProgressModule,
        DashboardModule,
        SupplierShortagesModule,
        ViewerModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: ViewerAccessGuard }],
    };
  }
}
