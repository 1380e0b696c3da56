import type { MemoryPeaks } from '../support/memory-sampler';
import type { BenchStack } from '../support/stack';
import type { ScenarioResult } from './scenario';

const PLATFORM_BUDGET_MB = 1024;
const APP_IDLE_BUDGET_MB = 150;

const mb = (n: number): string => `${n.toFixed(0)} MB`;

/**
 * Row 6 reads memory from /proc. Each app is judged by its RSS. The whole platform is judged by
 * the sum of the apps' PSS: summed RSS counts the pages of the node binary that all nine
 * processes share (~50 MB each) nine times. Both sums are printed.
 */

/** 6a: every app idle, before any load. */
export async function memoryIdleRow(stack: BenchStack, smoke: boolean): Promise<ScenarioResult> {
  // Let timers and GC settle so "idle" means idle.
  await new Promise((r) => setTimeout(r, smoke ? 200 : 3000));
  const { figures, maxRss } = readNow(stack);
  return {
    id: '6a',
    title: 'memory (RSS), idle',
    unit: 'MB',
    target: `≤ ${APP_IDLE_BUDGET_MB} MB RSS per app idle`,
    verdict: smoke ? 'n/a' : maxRss <= APP_IDLE_BUDGET_MB ? 'met' : 'missed',
    figures,
  };
}

/** 6b: the peaks sampled while rows 3 and 4 ran. */
export function memoryUnderLoadRow(peaks: MemoryPeaks | undefined, smoke: boolean): ScenarioResult {
  const row: ScenarioResult = {
    id: '6b',
    title: 'memory (RSS), peak under load 3 and 4',
    unit: 'MB',
    target: `whole platform ≤ ${PLATFORM_BUDGET_MB / 1024} GB under load (sum of PSS)`,
    verdict: 'n/a',
  };
  if (!peaks) return { ...row, note: 'rows 3 and 4 not run' };
  const figures = Object.fromEntries([...peaks.rssByApp].map(([name, v]) => [name, mb(v)]));
  figures['total RSS'] = mb(peaks.totalRss);
  figures['total PSS'] = mb(peaks.totalPss);
  return {
    ...row,
    figures,
    verdict: smoke ? 'n/a' : peaks.totalPss <= PLATFORM_BUDGET_MB ? 'met' : 'missed',
    note: `peaks of ${peaks.samples} samples, every 0.5 s while rows 3 and 4 ran`,
  };
}

/** 6c: what is left after every load row (5 and 7 included); reported, no target. */
export async function memoryAfterLoadRow(stack: BenchStack, smoke: boolean): Promise<ScenarioResult> {
  await new Promise((r) => setTimeout(r, smoke ? 200 : 3000));
  const { figures } = readNow(stack);
  return { id: '6c', title: 'memory (RSS), after all load rows', unit: 'MB', target: '—', verdict: 'n/a', figures };
}

/** Every app's RSS now (each read once), with the platform's summed RSS and PSS. */
function readNow(stack: BenchStack): { figures: Record<string, string>; maxRss: number } {
  const apps = stack.platformApps();
  const rss = apps.map((a) => a.rssMb());
  const figures = Object.fromEntries(apps.map((a, i) => [a.name, mb(rss[i])]));
  figures['total RSS'] = mb(rss.reduce((sum, v) => sum + v, 0));
  figures['total PSS'] = mb(apps.reduce((sum, a) => sum + a.pssMb(), 0));
  return { figures, maxRss: Math.max(...rss) };
}
