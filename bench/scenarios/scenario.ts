import type { AbResult, BenchSettings } from '../support/ab-runner';
import type { BenchStack } from '../support/stack';

/** One row of the benchmark table. */
export interface ScenarioResult {
  id: string;
  title: string;
  unit: string;
  /** When the baseline counts something else (bare engine jobs/s against releases/s). */
  baselineUnit?: string;
  target: string;
  /** Met, missed, or not applicable (smoke runs decide nothing). */
  verdict: 'met' | 'missed' | 'n/a';
  ab?: AbResult;
  /** Rows without a baseline (memory) report named figures. */
  figures?: Record<string, string>;
  note?: string;
}

export interface Scenario {
  id: string;
  title: string;
  run(stack: BenchStack, settings: BenchSettings): Promise<ScenarioResult[]>;
}
