/** How production-sync posts: gap timeout, closed posting periods per plant, line-side location. */
export interface ProductionSyncSettings {
  /** A gap in an order's MES sequence open longer than this becomes an exception. */
  gapTimeoutSeconds: number;
  /** Per plant: confirmations reported before this day (YYYY-MM-DD) fall into a closed period. */
  closedBefore: Record<string, string>;
  /** Where backflushed components are issued from; `{plant}` is replaced, e.g. P100-LINE1. */
  lineLocation: string;
  /**
   * Deliveries handled at once by one worker process. Confirmations of one order never overtake
   * each other whatever this is: each order drains under OrderDrainLock (ADR 0009), so only
   * different orders run side by side.
   */
  workerConcurrency: number;
}

export const DEFAULT_GAP_TIMEOUT_SECONDS = 900;
/** Four orders at once keep two cores busy while each waits on ERP and WMS round trips (docs/performance.md, row 3). */
export const DEFAULT_WORKER_CONCURRENCY = 4;

/**
 * PRODUCTION_SYNC_GAP_TIMEOUT_SECONDS (default 900), PRODUCTION_SYNC_CLOSED_BEFORE
 * ("P100=2026-11-01,P200=2026-10-01"), PRODUCTION_SYNC_LINE_LOCATION (default "{plant}-LINE1"),
 * PRODUCTION_SYNC_WORKER_CONCURRENCY (default 4).
 * A bad value stops boot naming it.
 */
export function loadProductionSyncSettings(env: Record<string, string | undefined> = process.env): ProductionSyncSettings {
  const timeout = Number(env.PRODUCTION_SYNC_GAP_TIMEOUT_SECONDS ?? DEFAULT_GAP_TIMEOUT_SECONDS);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new Error(`PRODUCTION_SYNC_GAP_TIMEOUT_SECONDS must be a positive number; got ${JSON.stringify(env.PRODUCTION_SYNC_GAP_TIMEOUT_SECONDS)}`);
  const closedBefore: Record<string, string> = {};
  for (const entry of (env.PRODUCTION_SYNC_CLOSED_BEFORE ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [plant, day] = entry.split('=').map((p) => p.trim());
    if (!plant || !day || !/^\d{4}-\d{2}-\d{2}$/.test(day))
      throw new Error(`PRODUCTION_SYNC_CLOSED_BEFORE entries are PLANT=YYYY-MM-DD; got ${JSON.stringify(entry)}`);
    closedBefore[plant] = day;
  }
  const concurrency = Number(env.PRODUCTION_SYNC_WORKER_CONCURRENCY ?? DEFAULT_WORKER_CONCURRENCY);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`PRODUCTION_SYNC_WORKER_CONCURRENCY must be a whole number ≥ 1; got ${JSON.stringify(env.PRODUCTION_SYNC_WORKER_CONCURRENCY)}`);
  return {
    gapTimeoutSeconds: timeout,
    closedBefore,
    lineLocation: env.PRODUCTION_SYNC_LINE_LOCATION ?? '{plant}-LINE1',
    workerConcurrency: concurrency,
  };
}
