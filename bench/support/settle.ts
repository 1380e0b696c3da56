import type { AppProcess } from './app-process';

/**
 * Waits until `apps` are idle — less than `busyShare` of one core over a `windowMs` window — or
 * `maxWaitMs` has passed. For work an app does after answering: mes-api's outbox relay publishes
 * what a saturation run accepted for seconds after the run ends. Without settling, that backlog
 * runs during the next run (the baseline's, or the platform's latency run) and is measured as its
 * cost instead of the platform's.
 */
export async function settle(apps: () => AppProcess[], opts: { windowMs?: number; busyShare?: number; maxWaitMs?: number } = {}): Promise<number> {
  const windowMs = opts.windowMs ?? 1000;
  const busyShare = opts.busyShare ?? 0.05;
  const deadline = Date.now() + (opts.maxWaitMs ?? 120_000);
  const started = Date.now();
  const cpu = () => apps().reduce((sum, a) => sum + a.cpuSeconds(), 0);
  for (;;) {
    const before = cpu();
    await new Promise((r) => setTimeout(r, windowMs));
    if (cpu() - before < (busyShare * windowMs) / 1000 || Date.now() > deadline) return Date.now() - started;
  }
}
