import { SystemApiUnavailableError, SystemApiRejectedError } from '../errors/system-api.errors';
import type { ReconciliationApiClient, SyncObservation } from './reconciliation-api.client';
import { SyncObservationReporter } from './sync-observation.reporter';

/** A reconciliation that is up or down on demand and keeps what it recorded. */
function fakeReconciliation() {
  const recorded: SyncObservation[][] = [];
  let answer: 'up' | 'down' | 'refuse' = 'up';
  const client = {
    async recordSyncObservations(_ctx: unknown, observations: SyncObservation[]) {
      if (answer === 'down')
        throw new SystemApiUnavailableError({ api: 'reconciliation', operation: 'recordSyncObservations', classification: 'unavailable', code: 'system-api-unreachable', detail: 'connection refused' });
      if (answer === 'refuse')
        throw new SystemApiRejectedError({ api: 'reconciliation', operation: 'recordSyncObservations', classification: 'invalid', code: 'validation-failed', status: 400, detail: 'plant P999 is not in the landscape' });
      recorded.push(observations);
      return { recorded: observations.length };
    },
  } as unknown as ReconciliationApiClient;
  return { client, recorded, set: (a: typeof answer) => (answer = a) };
}

const posted = (n: number) => ({
  plant: 'P200',
  domain: 'production' as const,
  businessKey: `MO-P200-0001/0010/${n}`,
  outcome: 'success' as const,
  eventTime: '2026-11-22T05:00:00Z',
  postedAt: '2026-11-22T05:00:04Z',
});
const quiet = { warn: () => undefined };

describe('SyncObservationReporter', () => {
  it('sends what was reported in batches of at most 500, stamped with its source', async () => {
    const recon = fakeReconciliation();
    const reporter = new SyncObservationReporter(recon.client, { source: 'production-sync', flushIntervalMs: 60_000, logger: quiet });
    for (let i = 1; i <= 1200; i++) reporter.report(posted(i));
    await reporter.flush();
    expect(recon.recorded.map((b) => b.length)).toEqual([500, 500, 200]);
    expect(recon.recorded[0]![0]).toMatchObject({ source: 'production-sync', businessKey: 'MO-P200-0001/0010/1' });
    await reporter.onApplicationShutdown();
  });

  it('keeps observations while reconciliation is down and delivers them once it is back', async () => {
    const recon = fakeReconciliation();
    const reporter = new SyncObservationReporter(recon.client, { source: 'production-sync', flushIntervalMs: 60_000, logger: quiet });
    recon.set('down');
    reporter.report(posted(1));
    expect(() => reporter.report(posted(2))).not.toThrow();
    await reporter.flush();
    expect(reporter.pending).toEqual({ buffered: 2, dropped: 0 });
    recon.set('up');
    await reporter.flush();
    expect(recon.recorded.flat().map((o) => o.businessKey)).toEqual(['MO-P200-0001/0010/1', 'MO-P200-0001/0010/2']);
    await reporter.onApplicationShutdown();
  });

  it('is bounded: past maxBuffered the oldest observations are dropped and counted', async () => {
    const recon = fakeReconciliation();
    recon.set('down');
    const reporter = new SyncObservationReporter(recon.client, { source: 'production-sync', maxBuffered: 3, flushIntervalMs: 60_000, logger: quiet });
    for (let i = 1; i <= 5; i++) reporter.report(posted(i));
    expect(reporter.pending).toEqual({ buffered: 3, dropped: 2 });
    recon.set('up');
    await reporter.flush();
    expect(recon.recorded.flat().map((o) => o.businessKey)).toEqual(['MO-P200-0001/0010/3', 'MO-P200-0001/0010/4', 'MO-P200-0001/0010/5']);
    await reporter.onApplicationShutdown();
  });

  it('drops a batch reconciliation refuses (4xx) instead of retrying it forever, and cuts long reasons to 500 characters', async () => {
    const recon = fakeReconciliation();
    const reporter = new SyncObservationReporter(recon.client, { source: 'production-sync', flushIntervalMs: 60_000, logger: quiet });
    recon.set('refuse');
    reporter.report({ ...posted(1), outcome: 'dead_letter', postedAt: undefined, reason: 'x'.repeat(900) });
    await reporter.flush();
    expect(reporter.pending).toEqual({ buffered: 0, dropped: 1 });
    recon.set('up');
    reporter.report({ ...posted(2), outcome: 'dead_letter', reason: 'y'.repeat(900), impact: 'z'.repeat(600) });
    await reporter.flush();
    expect(recon.recorded[0]![0]!.reason).toHaveLength(500);
    expect(recon.recorded[0]![0]!.impact).toHaveLength(500);
    await reporter.onApplicationShutdown();
  });
});
