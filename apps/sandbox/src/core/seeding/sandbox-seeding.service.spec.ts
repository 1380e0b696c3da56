import { LedgerService } from '../ledger/ledger.service';
import { resolveSandboxOptions } from '../sandbox.options';
import { SandboxStore } from '../store/sandbox-store';
import { SandboxSeeding, type SandboxSeeder } from './sandbox-seeding.service';

describe('SandboxSeeding', () => {
  let store: SandboxStore;
  const options = resolveSandboxOptions({ dbFile: ':memory:', seed: true }, {});

  /** Seeds each plant's WMS locations, as a WMS simulator would. */
  const wmsSeeder = (version = 1): SandboxSeeder & { runs: number } => ({
    name: 'wms',
    version,
    runs: 0,
    seed(dataset, s) {
      this.runs++;
      for (const plant of dataset.plants)
        for (const location of plant.locations)
          s.put(`${plant.code}/wms/location`, location.code, location);
    },
  });

  beforeEach(() => (store = new SandboxStore(':memory:')));
  afterEach(() => store.close());

  it('runs each seeder once per file and version', () => {
    const seeding = new SandboxSeeding(store, options);
    const seeder = wmsSeeder();
    seeding.register(seeder);
    seeding.onApplicationBootstrap();
    expect(store.count('P100/wms/location')).toBe(6);

    const rebooted = new SandboxSeeding(store, options);
    rebooted.register(seeder);
    expect(rebooted.runPending()).toEqual([]);
    const upgraded = new SandboxSeeding(store, options);
    const v2 = wmsSeeder(2);
    upgraded.register(v2);
    expect(upgraded.runPending()).toEqual(['wms']);
    expect(seeder.runs + v2.runs).toBe(2);
  });

  it('skips seeding when seed is false, and refuses a duplicate name', () => {
    const seeding = new SandboxSeeding(store, { ...options, seed: false });
    seeding.register(wmsSeeder());
    expect(() => seeding.register(wmsSeeder())).toThrow(/twice/);
    seeding.onApplicationBootstrap();
    expect(store.count('P100/wms/location')).toBe(0);
  });

  it('reset() wipes state and the ledger, then seeds again', () => {
    const ledger = new LedgerService(store);
    const seeding = new SandboxSeeding(store, options);
    seeding.register(wmsSeeder());
    seeding.runPending();
    store.put('P100/wms/reservation', 'RES-1', { item: 'BRKT-1042' });
    ledger.record({ plant: 'P100', system: 'wms', operation: 'reservation.create', payload: {} });
    expect(seeding.reset()).toEqual(['wms']);
    expect(store.count('P100/wms/reservation')).toBe(0);
    expect(ledger.count()).toBe(0);
    expect(store.count('P100/wms/location')).toBe(6);
  });
});
