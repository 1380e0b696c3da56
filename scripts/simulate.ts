/**
 * `npm run simulate -- --plant P100 --rate 200/s --duration 60s`: plays the MES of one or more
 * plants, reporting production through mes-api against the plant's released orders, with injected
 * duplicates and reordering. Prints a summary; exits 1 when a request failed, 2 on bad options.
 * Details: docs/processes/production-sync.md ("Plant simulator").
 */
import 'reflect-metadata';
import { loadLandscape } from '@plantsync/landscape';
import { formatSummary, runPlantSimulator } from './plant-simulator/plant-simulator';
import { loadSimulatorKeys } from './plant-simulator/simulator-keys';
import { parseSimulatorArgs, SIMULATOR_USAGE, SimulatorUsageError } from './plant-simulator/simulator-options';

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(SIMULATOR_USAGE);
    return 0;
  }
  const options = parseSimulatorArgs(process.argv.slice(2));
  // The landscape names each plant's MES site code (B2MML HierarchyScope); only its structure is used here.
  const landscape = loadLandscape({ ...process.env, SANDBOX_URL: process.env.SANDBOX_URL ?? 'http://127.0.0.1:4010' });
  const known = new Set(landscape.plants().map((p) => p.code));
  for (const plant of options.plants)
    if (!known.has(plant)) throw new SimulatorUsageError(`--plant ${plant} is not in the landscape (plants: ${[...known].join(', ')})`);
  const scopeOf = (plant: string) => String(landscape.plant(plant).systems.mes.options.hierarchyScope ?? plant);
  const keys = loadSimulatorKeys();

  console.log(
    `simulating the MES of ${options.plants.join(', ')}: ${options.ratePerSecond} msg/s per plant for ${options.durationMs / 1000} s, ` +
      `${options.format}, batch ${options.batch}, duplicates ${options.duplicates}, out of order ${options.outOfOrder} → ${options.mesUrl}`,
  );
  const summaries = await runPlantSimulator(options, keys, scopeOf);
  console.log(formatSummary(summaries));
  return summaries.some((s) => s.errors > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof SimulatorUsageError) {
      console.error(`${e.message}\n\n${SIMULATOR_USAGE}`);
      process.exit(2);
    }
    console.error(`simulator failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
