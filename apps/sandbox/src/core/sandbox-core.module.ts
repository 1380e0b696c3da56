import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FaultService } from './faults/fault.service';
import { FaultsController } from './faults/faults.controller';
import { AdminResetController, HealthController } from './http/admin.controller';
import { AdminTokenGuard } from './http/admin-token.guard';
import { SandboxErrorFilter } from './http/sandbox-error.filter';
import { SandboxIdempotency } from './idempotency/sandbox-idempotency.service';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerService } from './ledger/ledger.service';
import { SANDBOX_OPTIONS, type SandboxOptions } from './sandbox.options';
import { SandboxSeeding } from './seeding/sandbox-seeding.service';
import { SandboxStore } from './store/sandbox-store';

/** Closes the SQLite file when the app closes (tests re-open the same file afterwards). */
class StoreCloser implements OnApplicationShutdown {
  constructor(@Inject(SandboxStore) private readonly store: SandboxStore) {}
  onApplicationShutdown(): void {
    this.store.close();
  }
}

/**
 * The sandbox core: store, ledger, idempotency, faults, seeding and the admin endpoints.
 * Global, so simulator modules inject SandboxStore, LedgerService, SandboxIdempotency,
 * FaultService and SandboxSeeding without importing anything.
 */
@Global()
@Module({})
export class SandboxCoreModule {
  static forRoot(options: SandboxOptions): DynamicModule {
    return {
      module: SandboxCoreModule,
      controllers: [HealthController, LedgerController, FaultsController, AdminResetController],
      providers: [
        { provide: SANDBOX_OPTIONS, useValue: options },
        { provide: SandboxStore, useFactory: () => new SandboxStore(options.dbFile) },
        StoreCloser,
        LedgerService,
        SandboxIdempotency,
        FaultService,
        SandboxSeeding,
        AdminTokenGuard,
        { provide: APP_FILTER, useClass: SandboxErrorFilter },
      ],
      exports: [
        SANDBOX_OPTIONS,
        SandboxStore,
        LedgerService,
        SandboxIdempotency,
        FaultService,
        SandboxSeeding,
      ],
    };
  }
}
