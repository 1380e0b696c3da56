import type { SyncHealthEntryView } from '@plantsync/clients';
import { matchesSyncHealthFilter, syncHealthFingerprint, toSyncHealthModel } from './sync-health.mapper';
import { SyncDomain } from './models/sync-health.model';

const p200Inventory = (at: string, overrides: Partial<SyncHealthEntryView> = {}): SyncHealthEntryView => ({
  plant: 'P200',
  domain: 'inventory',
  lastSuccessfulSync: '2026-11-22T06:00:00.000Z',
  lagP50Seconds: 4,
  lagP95Seconds: 9,
  backlog: 0,
  failureRate: 0,
  deadLetters: 0,
  observed: 12,
  maxLagSeconds: 120,
  stale: true,
  staleReasons: ['ERP of P200 is down: connection refused by http://10.20.0.7:8069'],
  failures: [{ plant: 'P200', domain: 'inventory', businessKey: null, reason: 'ERP of P200 is not answering', impact: 'Stock may not match', kind: 'backend_down', at }],
  ...overrides,
});

describe('sync health mapping', () => {
  it('scrubs backend addresses from reasons', () => {
    expect(toSyncHealthModel(p200Inventory('2026-11-22T07:00:00.000Z')).staleReasons).toEqual(['ERP of P200 is down: connection refused by [address]']);
  });

  it('does not count an outage re-stamped at each read as a change, but does count figures and the stale flag', () => {
    const first = toSyncHealthModel(p200Inventory('2026-11-22T07:00:00.000Z'));
    const reread = toSyncHealthModel(p200Inventory('2026-11-22T07:00:05.000Z'));
    expect(syncHealthFingerprint(reread)).toBe(syncHealthFingerprint(first));
    expect(syncHealthFingerprint(toSyncHealthModel(p200Inventory('x', { backlog: 3 })))).not.toBe(syncHealthFingerprint(first));
    expect(syncHealthFingerprint(toSyncHealthModel(p200Inventory('x', { stale: false, staleReasons: [] })))).not.toBe(syncHealthFingerprint(first));
  });

  it('filters by plant, domain and stale', () => {
    const entry = toSyncHealthModel(p200Inventory('x'));
    expect(matchesSyncHealthFilter(entry, { plant: 'P200', domain: SyncDomain.INVENTORY, staleOnly: true })).toBe(true);
    expect(matchesSyncHealthFilter(entry, { plant: 'P100' })).toBe(false);
    expect(matchesSyncHealthFilter(entry, { domain: SyncDomain.PRODUCTION })).toBe(false);
    expect(matchesSyncHealthFilter({ ...entry, stale: false }, { staleOnly: true })).toBe(false);
  });
});
