import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { formatSummary, runPlantSimulator } from '../../../scripts/plant-simulator/plant-simulator';
import { loadSimulatorKeys } from '../../../scripts/plant-simulator/simulator-keys';
import { parseSimulatorArgs } from '../../../scripts/plant-simulator/simulator-options';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSyncEnv, until, type SyncEnv } from './production-sync.harness';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '../../..');
const KEYS_FILE = join(ROOT, 'config/api-keys.demo.yaml');
/** MO-P100-0009 (SA-2206 Motor flange, 200 EA, released): each unit backflushes aluminium bar, ample at P100. */
const ORDER = 'MO-P100-0009';

let env: SyncEnv;
beforeAll(async () => {
  env = await startSyncEnv();
});
afterAll(async () => {
  await env?.close();
});

/** Runs `npm run simulate -- …` as a user would; resolves with its exit code and output. */
function simulateCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/simulate.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, PLANTSYNC_API_KEYS_FILE: KEYS_FILE, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const statusOf = async (messageId: string) =>
  (await env.mes.request('GET', `/v1/plants/P100/production-performance/${messageId}`, { key: DEMO_KEYS.service })).body.status as string;

/** Per message id: how many ERP receipts and WMS receipts the sandbox applied (keys carry the message id). */
async function postingsByMessage(): Promise<Map<string, { erp: number; wms: number }>> {
  const erp = await env.sandbox.ledger({ plant: 'P100', system: 'erp', operation: 'stock.picking.button_validate' });
  const wms = await env.sandbox.ledger({ plant: 'P100', system: 'wms', operation: 'receipt.create' });
  const counts = new Map<string, { erp: number; wms: number }>();
  const count = (key: string | null | undefined, kind: 'erp' | 'wms') => {
    const m = new RegExp(`production-sync/P100/(SIM-[^/]+)/${kind}-receipt`).exec(key ?? '');
    if (!m) return;
    const c = counts.get(m[1]!) ?? { erp: 0, wms: 0 };
    c[kind] += 1;
    counts.set(m[1]!, c);
  };
  for (const e of erp) count(e.idempotencyKey, 'erp');
  for (const e of wms) count(e.idempotencyKey, 'wms');
  return counts;
}

describe('plant simulator: the simulated MES reports through mes-api and production-sync posts every message once', () => {
  it('rejects bad options naming the option and exits 2', async () => {
    const run = await simulateCli(['--plant', 'P100', '--rate', 'fast']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--rate must be messages per second such as 200\/s/);
  });

  it('posts every distinct message exactly once despite injected duplicates and reordering (JSON via the CLI, then B2MML batches)', async () => {
    const cli = await simulateCli([
      ...['--plant', 'P100', '--orders', ORDER, '--rate', '20/s', '--duration', '2s'],
      ...['--duplicates', '0.25', '--out-of-order', '0.25', '--seed', '7'],
      ...['--url', env.mes.url, '--erp-url', env.erp.url],
    ]);
    expect({ code: cli.code, stderr: cli.stderr }).toEqual({ code: 0, stderr: '' });
    const line = /P100\s+sent (\d+) in \d+ requests, accepted (\d+), duplicates (\d+) sent \/ (\d+) answered, reordered (\d+), errors 0/.exec(cli.stdout);
    expect(line).not.toBeNull();
    const [sent, acceptedByCli, duplicatesSent, duplicatesAnswered, reordered] = line!.slice(1).map(Number) as [number, number, number, number, number];
    expect(sent).toBe(acceptedByCli + duplicatesAnswered);
    expect(duplicatesAnswered).toBe(duplicatesSent);
    expect(duplicatesSent).toBeGreaterThan(0);
    expect(reordered).toBeGreaterThan(0);

    // A second run continues the order's sequence (no restart at 1) and reports B2MML in batches.
    const options = parseSimulatorArgs(
      ['--plant', 'P100', '--orders', ORDER, '--rate', '20/s', '--duration', '2s', '--duplicates', '0.25', '--out-of-order', '0.25', '--batch', '4', '--format', 'b2mml', '--url', env.mes.url, '--erp-url', env.erp.url],
      {},
    );
    const [b2mml] = await runPlantSimulator(options, loadSimulatorKeys({ PLANTSYNC_API_KEYS_FILE: KEYS_FILE }), () => 'DET');
    expect(formatSummary([b2mml!])).toMatch(/errors 0/);
    expect(b2mml!.errors).toBe(0);
    expect(b2mml!.duplicatesAnswered).toBe(b2mml!.duplicatesSent);

    // Both runs together numbered the order 1..n without a gap or a repeat.
    const total = acceptedByCli + b2mml!.accepted.length;
    const ids = Array.from({ length: total }, (_, i) => `SIM-${ORDER}-${String(i + 1).padStart(6, '0')}`);
    expect([...b2mml!.accepted].sort()).toEqual(ids.slice(acceptedByCli));

    // production-sync posts them all (in sequence; the reordered ones waited for their gap to close).
    for (const id of ids) await until(() => statusOf(id), (s) => s === 'posted', 120_000);
    const postings = await postingsByMessage();
    expect([...postings.keys()].sort()).toEqual(ids);
    for (const id of ids) expect({ id, ...postings.get(id) }).toEqual({ id, erp: 1, wms: 1 });
  });
});
