import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ScenarioResult } from '../scenarios/scenario';
import type { BenchSettings } from './ab-runner';
import { formatSpread } from './stats';

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export function markdownTable(rows: ScenarioResult[]): string {
  const lines = [
    '| # | Benchmark | Platform | Baseline | Ratio | p50 / p99 at 50 % | p50 / p99 at 80 % | Target | Verdict |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (r.ab) {
      const l = r.ab.latency;
      lines.push(
        `| ${r.id} | ${r.title} | ${formatSpread(r.ab.platform)} ${r.unit} | ${formatSpread(r.ab.baseline)} ${r.baselineUnit ?? r.unit} | ` +
          `${formatSpread(r.ab.ratio, 2)} | ${l.at50.p50Ms} / ${l.at50.p99Ms} ms @ ${l.rate50}/s | ` +
          `${l.at80.p50Ms} / ${l.at80.p99Ms} ms @ ${l.rate80}/s | ${r.target} | ${r.verdict} |`,
      );
    } else {
      const figures = Object.entries(r.figures ?? {}).map(([k, v]) => `${k} ${v}`).join(', ');
      lines.push(`| ${r.id} | ${r.title} | ${figures} | — | — | — | — | ${r.target} | ${r.verdict} |`);
    }
    if (r.note) lines.push(`|  | ↳ ${r.note} | | | | | | | |`);
  }
  return lines.join('\n');
}

/**
 * Writes bench/results/<timestamp>.json and .md; a full run (not smoke, not `--only`) also refreshes
 * the latest table in docs/performance.md.
 */
export function writeResults(
  rows: ScenarioResult[],
  settings: BenchSettings,
  root: string,
  run: { compiled: boolean; partial: boolean },
): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const table = markdownTable(rows);
  const apps = run.compiled ? 'apps compiled (dist/)' : 'apps through @swc-node/register';
  const header = `Run ${new Date().toISOString()} on ${machine()}; ${apps}; ${settings.pairs} A/B pair(s) of ${settings.durationSeconds} s, ${settings.connections} connections.`;
  writeFileSync(join(dir, `${stamp}.json`), JSON.stringify({ settings, machine: machine(), ...run, rows }, null, 2) + '\n');
  writeFileSync(join(dir, `${stamp}.md`), `${header}\n\n${table}\n`);
  if (!settings.smoke && !run.partial) {
    const doc = join(root, 'docs/performance.md');
    const text = readFileSync(doc, 'utf8');
    const start = '<!-- bench:latest:start -->';
    const end = '<!-- bench:latest:end -->';
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i >= 0 && j > i) writeFileSync(doc, `${text.slice(0, i + start.length)}\n${header}\n\n${table}\n${text.slice(j)}`);
  }
  return `${header}\n\n${table}`;
}
