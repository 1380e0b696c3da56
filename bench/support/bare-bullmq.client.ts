import type { AppProcess } from './app-process';
import type { FlowRun } from './flow-ab';

/** Runs `jobs` no-op jobs on the bare BullMQ baseline process with this worker concurrency. */
export async function bareBullmqRun(bare: AppProcess, jobs: number, concurrency: number): Promise<FlowRun> {
  const res = await fetch(`${bare.url}/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jobs, concurrency }),
    signal: AbortSignal.timeout(300_000),
  });
  if (!res.ok) return { units: jobs, seconds: NaN, latenciesMs: [], failures: jobs };
  const body = (await res.json()) as { seconds: number };
  return { units: jobs, seconds: body.seconds, latenciesMs: [], failures: 0 };
}
