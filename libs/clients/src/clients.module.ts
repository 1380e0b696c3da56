import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CircuitBreakerRegistry } from '@plantsync/messaging';
import { type ClientsOverrides, type ClientsSettings, loadClientsSettings } from './config/clients.config';
import { ErpApiClient } from './erp-api.client';
import { circuitBreakerGuard } from './http/circuit-breaker.guard';
import { InventoryTransferApiClient } from './process/inventory-transfer-api.client';
import { OrderReleaseApiClient } from './process/order-release-api.client';
import { DEAD_LETTER_SOURCES, DeadLetterApis, DeadLettersApiClient } from './process/dead-letters-api.client';
import { ProductionSyncApiClient } from './process/production-sync-api.client';
import { ReconciliationApiClient } from './process/reconciliation-api.client';
import { SyncObservationReporter } from './process/sync-observation.reporter';
import { MesApiClient } from './mes-api.client';
import { WmsApiClient } from './wms-api.client';

export const CLIENTS_SETTINGS = Symbol('CLIENTS_SETTINGS');

export interface ClientsModuleOptions extends ClientsOverrides {
  /**
   * Run system-API calls through MessagingModule's CircuitBreakerRegistry (one circuit per
   * plant × system). Process apps turn it on; the experience API answers users directly and does not.
   */
  circuitBreakers?: boolean;
  /**
   * The reporting app's name: provides a SyncObservationReporter (best-effort sync-health
   * observations to reconciliation, RECONCILIATION_API_URL) with it as `source`.
   */
  syncObservationsSource?: string;
}

const BREAKERS = { token: CircuitBreakerRegistry, optional: true };

/**
 * Provides ErpApiClient, MesApiClient, WmsApiClient and the process API clients (OrderReleaseApiClient,
 * InventoryTransferApiClient, ReconciliationApiClient, ProductionSyncApiClient, DeadLetterApis; they only hold a URL; plus a SyncObservationReporter when `syncObservationsSource` is set, so apps that never call them pay nothing) everywhere in the app (global), configured
 * from ClientsConfig's env; `urls`, `apiKey` and `timeoutMs` override it (tests).
 */
@Global()
@Module({})
export class ClientsModule {
  static forRoot(options: ClientsModuleOptions = {}): DynamicModule {
    const guardOf = (breakers?: CircuitBreakerRegistry) => {
      if (!options.circuitBreakers) return undefined;
      if (!breakers) throw new Error('ClientsModule: circuitBreakers needs MessagingModule (CircuitBreakerRegistry)');
      return circuitBreakerGuard(breakers);
    };
    return {
      module: ClientsModule,
      providers: [
        { provide: CLIENTS_SETTINGS, useFactory: () => loadClientsSettings(options) },
        {
          provide: ErpApiClient,
          inject: [CLIENTS_SETTINGS, BREAKERS],
          useFactory: (s: ClientsSettings, breakers?: CircuitBreakerRegistry) =>
            new ErpApiClient({ baseUrl: s.urls.erp, apiKey: s.apiKey, timeoutMs: s.timeoutMs, guard: guardOf(breakers) }),
        },
        {
          provide: MesApiClient,
          inject: [CLIENTS_SETTINGS, BREAKERS],
          useFactory: (s: ClientsSettings, breakers?: CircuitBreakerRegistry) =>
            new MesApiClient({ baseUrl: s.urls.mes, apiKey: s.apiKey, timeoutMs: s.timeoutMs, guard: guardOf(breakers) }),
        },
        {
          provide: WmsApiClient,
          inject: [CLIENTS_SETTINGS, BREAKERS],
          useFactory: (s: ClientsSettings, breakers?: CircuitBreakerRegistry) =>
            new WmsApiClient({ baseUrl: s.urls.wms, apiKey: s.apiKey, timeoutMs: s.timeoutMs, guard: guardOf(breakers) }),
        },
        {
          provide: OrderReleaseApiClient,
          inject: [CLIENTS_SETTINGS],
          useFactory: (s: ClientsSettings) => new OrderReleaseApiClient({ baseUrl: s.urls.orderRelease, apiKey: s.apiKey, timeoutMs: s.timeoutMs }),
        },
        {
          provide: InventoryTransferApiClient,
          inject: [CLIENTS_SETTINGS],
          useFactory: (s: ClientsSettings) => new InventoryTransferApiClient({ baseUrl: s.urls.inventoryTransfer, apiKey: s.apiKey, timeoutMs: s.timeoutMs }),
        },
        {
          provide: ReconciliationApiClient,
          inject: [CLIENTS_SETTINGS],
          // Sync health is best-effort: a short bound, so a hung reconciliation never delays shutdown much.
          useFactory: (s: ClientsSettings) => new ReconciliationApiClient({ baseUrl: s.urls.reconciliation, apiKey: s.apiKey, timeoutMs: Math.min(s.timeoutMs, 5000) }),
        },
        {
          provide: ProductionSyncApiClient,
          inject: [CLIENTS_SETTINGS],
          useFactory: (s: ClientsSettings) => new ProductionSyncApiClient({ baseUrl: s.urls.productionSync, apiKey: s.apiKey, timeoutMs: s.timeoutMs }),
        },
        {
          provide: DeadLetterApis,
          inject: [CLIENTS_SETTINGS],
          useFactory: (s: ClientsSettings) => {
            const baseUrl = { 'order-release': s.urls.orderRelease, 'inventory-transfer': s.urls.inventoryTransfer, 'production-sync': s.urls.productionSync };
            return new DeadLetterApis(DEAD_LETTER_SOURCES.map((source) => new DeadLettersApiClient(source, { baseUrl: baseUrl[source], apiKey: s.apiKey, timeoutMs: s.timeoutMs })));
          },
        },
        ...(options.syncObservationsSource
          ? [
              {
                provide: SyncObservationReporter,
                inject: [ReconciliationApiClient],
                useFactory: (client: ReconciliationApiClient) => new SyncObservationReporter(client, { source: options.syncObservationsSource! }),
              },
            ]
          : []),
      ],
      exports: [
        CLIENTS_SETTINGS,
        ErpApiClient,
        MesApiClient,
        WmsApiClient,
        OrderReleaseApiClient,
        InventoryTransferApiClient,
        ReconciliationApiClient,
        ProductionSyncApiClient,
        DeadLetterApis,
        ...(options.syncObservationsSource ? [SyncObservationReporter] : []),
      ],
    };
  }
}
