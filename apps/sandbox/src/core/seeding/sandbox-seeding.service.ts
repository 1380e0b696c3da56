import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_DATASET } from '../../dataset/demo-dataset';
import type { DemoDataset } from '../../dataset/demo-dataset.types';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../sandbox.options';
import { SandboxStore } from '../store/sandbox-store';

/** How a simulator loads the demo dataset into its own collections. */
export interface SandboxSeeder {
  /** Unique, e.g. 'erp', 'mes', 'wms'. */
  name: string;
  /** Bump to re-seed existing files after the seeder changed (it then runs again; make it overwrite). */
  version: number;
  /** Synchronous; runs inside one store transaction. Writes no ledger entries (seeding is not a posting). */
  seed(dataset: DemoDataset, store: SandboxStore): void;
}

interface SeedMarker {
  name: string;
  version: number;
  at: string;
}

const MARKERS = '_meta/seeded';

/**
 * Simulators register a seeder in their module's `onModuleInit`; on application bootstrap
 * (after every onModuleInit), each seeder whose name@version has not yet run on this DB file
 * runs once, in a transaction with its marker. `seed: false` skips seeding entirely.
 * `reseed()` (admin reset) wipes the store and runs every seeder again.
 */
@Injectable()
export class SandboxSeeding implements OnApplicationBootstrap {
  private readonly logger = new Logger('SandboxSeeding');
  private readonly seeders = new Map<string, SandboxSeeder>();

  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  register(seeder: SandboxSeeder): void {
    if (this.seeders.has(seeder.name))
      throw new Error(`sandbox seeder "${seeder.name}" registered twice`);
    this.seeders.set(seeder.name, seeder);
  }

  onApplicationBootstrap(): void {
    if (this.options.seed) this.runPending();
  }

  /** Runs the seeders not yet applied (at their version) to this file; returns their names. */
  runPending(): string[] {
    const ran: string[] = [];
    for (const seeder of this.seeders.values()) {
      const marker = this.store.get<SeedMarker>(MARKERS, seeder.name);
      if (marker && marker.version >= seeder.version) continue;
      this.store.transaction(() => {
        seeder.seed(DEMO_DATASET, this.store);
        this.store.put<SeedMarker>(MARKERS, seeder.name, {
          name: seeder.name,
          version: seeder.version,
          at: new Date().toISOString(),
        });
      });
      ran.push(seeder.name);
    }
    if (ran.length) this.logger.log(`seeded demo dataset into: ${ran.join(', ')}`);
    return ran;
  }

  /** Wipes every document, sequence, idempotency record and ledger entry, then seeds again. */
  reset(): string[] {
    this.store.clear();
    return this.options.seed ? this.runPending() : [];
  }
}
