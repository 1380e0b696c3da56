/**
 * `npm run bench`: every benchmark in one go on this machine, platform and baseline alternating
 * (A B A B …, ≥ 3 pairs after a warm-up), medians with min–max and per-pair ratios. Writes
 * bench/results/<timestamp>.{json,md} and the latest table into docs/performance.md.
 * `npm run bench -- --smoke` runs everything tiny (seconds) so the benchmarks cannot rot; it
 * asserts no timing. `--only=1,2` picks rows (3, 4, 5, 7 by their number; memory is always read).
 * The apps run from dist/ (compiled first); `--source` runs them through @swc-node/register instead.
 */
import { join } from 'node:path';
import { FULL, SMOKE } from './support/ab-runner';
import { buildDist } from './support/build';
import { MemorySampler, type MemoryPeaks } from './support/memory-sampler';
import { writeResults } from './support/report';
import { BenchStack, PLATFORM_APPS } from './support/stack';
import { graphqlSupplierScenario } from './scenarios/graphql-supplier.scenario';
import { memoryAfterLoadRow, memoryIdleRow, memoryUnderLoadRow } from './scenarios/memory.scenario';
import { mesIngestScenario } from './scenarios/mes-ingest.scenario';
import { orderReleaseScenario } from './scenarios/order-release.scenario';
import { productionSyncScenario } from './scenarios/production-sync.scenario';
import { reconciliationScenario } from './scenarios/reconciliation.scenario';
import type { Scenario, ScenarioResult } from './scenarios/scenario';
import { systemReadScenario } from './scenarios/system-read.scenario';

const SCENARIOS: Scenario[] = [
  systemReadScenario,
  mesIngestScenario,
  productionSyncScenario,
  orderReleaseScenario,
  graphqlSupplierScenario,
  reconciliationScenario,
];

/** Row 6b samples memory while these rows run (the issue: "under load 3 and 4"). */
const LOAD_ROWS_FOR_MEMORY = ['3', '4'];

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const compiled = !process.argv.includes('--source');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const settings = smoke ? SMOKE : FULL;
  if (compiled) console.log(`compiled the apps to dist/ in ${buildDist().toFixed(1)} s`);
  const stack = new BenchStack({ compiled });
  const rows: ScenarioResult[] = [];
  try {
    // The whole platform, as `npm start` runs it: row 6 reads every app idle and again after the load rows.
    await stack.start(PLATFORM_APPS);
    rows.push(await memoryIdleRow(stack, smoke));
    // Row 6b is memory under the load of rows 3 and 4, sampled while they run.
    const sampler = new MemorySampler(() => stack.platformApps());
    let underLoad: MemoryPeaks | undefined;
    for (const scenario of SCENARIOS) {
      if (only && !only.includes(scenario.id)) continue;
      console.log(`running ${scenario.id}: ${scenario.title}`);
      const started = performance.now();
      const sampled = LOAD_ROWS_FOR_MEMORY.includes(scenario.id);
      if (sampled) sampler.start();
      rows.push(...(await scenario.run(stack, settings)));
      if (sampled) underLoad = sampler.stop();
      console.log(`  ${scenario.id} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    rows.push(memoryUnderLoadRow(underLoad, smoke));
    rows.push(await memoryAfterLoadRow(stack, smoke));
  } finally {
    await stack.stop();
  }
  rows.sort((a, b) => a.id.localeCompare(b.id));
  console.log(writeResults(rows, settings, join(__dirname, '..'), { compiled, partial: only !== undefined }));
  const failures = rows.reduce((n, r) => n + (r.ab?.failures ?? 0), 0);
  if (failures > 0) {
    // A benchmark that measured errors measured the wrong thing; say so loudly (not a timing check).
    console.error(`${failures} request(s) failed during the benchmarks`);
    process.exit(1);
  }
  // autocannon and the stopped children can leave handles behind; the run is over.
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
