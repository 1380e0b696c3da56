import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@plantsync/platform';
import { ConnectorRegistry } from './connector.registry';

/** One readiness check per connector the app built, named `<plant>.<system>` (e.g. `P200.erp`). */
@Injectable()
export class ConnectorHealthChecks implements OnModuleInit {
  constructor(
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    for (const connector of this.registry.all()) {
      this.health.register(`${connector.plant}.${connector.system}`, () => connector.health({}));
    }
  }
}
