import type { BenchStack } from '../support/stack';
import type { ScenarioResult } from './scenario';

/** Row 6: resident memory of each app, read from /proc, idle (before load) or after the load rows ran. */
export async function memoryRow(stack: BenchStack, when: 'idle' | 'after load', smoke: boolean): Promise<ScenarioResult> {
  // Let timers and GC settle so "idle" means idle.
  await new Promise((r) => setTimeout(r, smoke ? 200 : 3000));
  const apps = stack.platformApps();
  const figures = Object.fromEntries(apps.map((a) => [a.name, `${a.rssMb().toFixed(0)} MB`]));
  const total = apps.reduce((sum, a) => sum + a.rssMb(), 0);
  figures.total = `${total.toFixed(0)} MB`;
  const worst = Math.max(...apps.map((a) => a.rssMb()));
  const idle = when === 'idle';
  return {
    id: idle ? '6a' : '6b',
    title: `memory (RSS), ${when}`,
    unit: 'MB',
    target: idle ? '≤ 150 MB per app idle' : 'whole platform ≤ 1 GB under load',
    verdict: smoke ? 'n/a' : idle ? (worst <= 150 ? 'met' : 'missed') : total <= 1024 ? 'met' : 'missed',
    figures,
  };
}
