import { loadProductionSyncSettings } from './production-sync.settings';

describe('production-sync settings from env', () => {
  it('defaults to a 15-minute gap timeout, no closed periods, the line-1 location and 4 orders at once', () => {
    expect(loadProductionSyncSettings({})).toEqual({
      gapTimeoutSeconds: 900,
      closedBefore: {},
      lineLocation: '{plant}-LINE1',
      workerConcurrency: 4,
    });
    expect(loadProductionSyncSettings({ PRODUCTION_SYNC_WORKER_CONCURRENCY: '1' }).workerConcurrency).toBe(1);
  });

  it('reads closed periods per plant', () => {
    const s = loadProductionSyncSettings({ PRODUCTION_SYNC_CLOSED_BEFORE: 'P100=2026-11-01, P200=2026-10-01', PRODUCTION_SYNC_GAP_TIMEOUT_SECONDS: '120' });
    expect(s.closedBefore).toEqual({ P100: '2026-11-01', P200: '2026-10-01' });
    expect(s.gapTimeoutSeconds).toBe(120);
  });

  it('stops boot naming a bad value', () => {
    expect(() => loadProductionSyncSettings({ PRODUCTION_SYNC_CLOSED_BEFORE: 'P100=November' })).toThrow(/PLANT=YYYY-MM-DD; got "P100=November"/);
    expect(() => loadProductionSyncSettings({ PRODUCTION_SYNC_GAP_TIMEOUT_SECONDS: 'soon' })).toThrow(/PRODUCTION_SYNC_GAP_TIMEOUT_SECONDS must be a positive number/);
    expect(() => loadProductionSyncSettings({ PRODUCTION_SYNC_WORKER_CONCURRENCY: '0' })).toThrow(/PRODUCTION_SYNC_WORKER_CONCURRENCY must be a whole number ≥ 1; got "0"/);
  });
});
