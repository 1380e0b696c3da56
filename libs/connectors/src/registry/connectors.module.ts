import {
  DynamicModule,
  Global,
  Inject,
  Module,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { Landscape, SystemKind } from '@plantsync/landscape';
import type { ConnectorFactory } from './connector-factory';
import { ConnectorHealthChecks } from './connector-health.checks';
import { ConnectorRegistry } from './connector.registry';

export interface ConnectorsModuleOptions {
  factories: readonly ConnectorFactory[];
  /** Only build connectors for these systems (the ERP API needs no WMS connector). */
  systems: readonly SystemKind[];
}

const REGISTRY_LIFECYCLE = Symbol('REGISTRY_LIFECYCLE');

class RegistryLifecycle implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  async onModuleInit(): Promise<void> {
    await Promise.all(this.registry.all().map((c) => c.init()));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled(this.registry.all().map((c) => c.destroy()));
  }
}

/**
 * Provides the ConnectorRegistry for the systems an app serves and registers one readiness check
 * per connector. Needs LandscapeModule and PlatformModule.
 */
@Global()
@Module({})
export class ConnectorsModule {
  static forRoot(options: ConnectorsModuleOptions): DynamicModule {
    return {
      module: ConnectorsModule,
      providers: [
        {
          provide: ConnectorRegistry,
          inject: [Landscape],
          useFactory: (landscape: Landscape) =>
            new ConnectorRegistry(landscape, options.factories, process.env, options.systems),
        },
        { provide: REGISTRY_LIFECYCLE, useClass: RegistryLifecycle },
        ConnectorHealthChecks,
      ],
      exports: [ConnectorRegistry],
    };
  }
}
