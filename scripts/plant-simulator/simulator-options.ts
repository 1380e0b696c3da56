import { parseArgs } from 'node:util';

/** What one `npm run simulate` run does (see docs/processes/production-sync.md, "Plant simulator"). */
export interface SimulatorOptions {
  /** Plants whose MES the simulator plays, e.g. ['P100', 'P200']. */
  plants: string[];
  /** Messages per second, per plant (duplicates included). */
  ratePerSecond: number;
  durationMs: number;
  /** Share of messages that resend an already-acknowledged message (0..1). */
  duplicates: number;
  /** Share of new messages held back and sent after the next message of their order (0..1). */
  outOfOrder: number;
  /** Confirmations per request (1..1000). */
  batch: number;
  format: 'json' | 'b2mml';
  /** mes-api base URL. */
  mesUrl: string;
  /** erp-api base URL: where the released production orders are looked up. */
  erpUrl: string;
  /** Production orders to report against (default: every released or in-progress order of the plant). */
  orders: string[];
  /** Good quantity per message, in the order's unit. */
  yieldQuantity: string;
  scrapQuantity: string;
  /** Requests in flight at once, per plant. */
  concurrency: number;
  /** Seed of the random choices (duplicates, reordering), so a run can be repeated. */
  seed: number;
}

export class SimulatorUsageError extends Error {}

export const SIMULATOR_USAGE = `Usage: npm run simulate -- --plant P100 [--plant P200 | --plant P100,P200] [options]

  --rate 200/s          messages per second per plant (duplicates included); also 12000/min
  --duration 60s        how long to report (500ms, 60s, 2m)
  --duplicates 0.05     share of messages that resend an acknowledged message
  --out-of-order 0.05   share of messages sent after the next message of their order
  --batch 1             confirmations per request (1..1000)
  --format json         json | b2mml (SyncProductionPerformance)
  --url URL             mes-api (default MES_API_URL or http://127.0.0.1:3002)
  --erp-url URL         erp-api, to find released orders (default ERP_API_URL or http://127.0.0.1:3001)
  --orders MO-P100-0009 report only against these orders (repeatable or comma list)
  --yield 1 --scrap 0   quantities per message, in the order's unit
  --concurrency 32      requests in flight per plant
  --seed 1              seed of the random choices`;

const PLANT = /^[A-Z0-9]{2,10}$/;
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;

/** Parses the command line; bad input throws SimulatorUsageError naming the option and value. */
export function parseSimulatorArgs(args: string[], env: Record<string, string | undefined> = process.env): SimulatorOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    throw new SimulatorUsageError((e as Error).message);
  }
  const v = parsed.values;
  const list = (values: string[] | undefined) =>
    (values ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  const plants = [...new Set(list(v.plant).map((p) => p.toUpperCase()))];
  if (plants.length === 0) throw new SimulatorUsageError('--plant is required, e.g. --plant P100');
  for (const p of plants) if (!PLANT.test(p)) throw new SimulatorUsageError(`--plant ${JSON.stringify(p)} is not a plant code such as P100`);
  const share = (name: string, value: string | undefined) => {
    const n = Number(value ?? '0');
    if (!Number.isFinite(n) || n < 0 || n > 1 || value === '') throw new SimulatorUsageError(`--${name} must be a share between 0 and 1, e.g. 0.05; got ${JSON.stringify(value)}`);
    return n;
  };
  const integer = (name: string, value: string | undefined, fallback: number, max: number) => {
    const n = Number(value ?? fallback);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new SimulatorUsageError(`--${name} must be an integer from 1 to ${max}; got ${JSON.stringify(value)}`);
    return n;
  };
  const quantity = (name: string, value: string) => {
    if (!DECIMAL.test(value)) throw new SimulatorUsageError(`--${name} must be a decimal quantity such as 1 or 0.5; got ${JSON.stringify(value)}`);
    return value;
  };
  const url = (name: string, value: string) => {
    try {
      const u = new URL(value);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
    } catch {
      throw new SimulatorUsageError(`--${name} must be an http(s) URL such as http://127.0.0.1:3002; got ${JSON.stringify(value)}`);
    }
    return value.replace(/\/+$/, '');
  };
  const format = v.format ?? 'json';
  if (format !== 'json' && format !== 'b2mml') throw new SimulatorUsageError(`--format must be json or b2mml; got ${JSON.stringify(format)}`);
  const yieldQuantity = quantity('yield', v.yield ?? '1');
  const scrapQuantity = quantity('scrap', v.scrap ?? '0');
  if (Number(yieldQuantity) === 0 && Number(scrapQuantity) === 0) throw new SimulatorUsageError('--yield and --scrap are both 0: every message would post nothing');
  return {
    plants,
    ratePerSecond: parseRate(v.rate ?? '10/s'),
    durationMs: parseDuration(v.duration ?? '10s'),
    duplicates: share('duplicates', v.duplicates),
    outOfOrder: share('out-of-order', v['out-of-order']),
    batch: integer('batch', v.batch, 1, 1000),
    format,
    mesUrl: url('url', v.url ?? env.MES_API_URL ?? 'http://127.0.0.1:3002'),
    erpUrl: url('erp-url', v['erp-url'] ?? env.ERP_API_URL ?? 'http://127.0.0.1:3001'),
    orders: [...new Set(list(v.orders))],
    yieldQuantity,
    scrapQuantity,
    concurrency: integer('concurrency', v.concurrency, 32, 256),
    seed: integer('seed', v.seed, 1, 2 ** 31 - 1),
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      plant: { type: 'string', multiple: true },
      rate: { type: 'string' },
      duration: { type: 'string' },
      duplicates: { type: 'string' },
      'out-of-order': { type: 'string' },
      batch: { type: 'string' },
      format: { type: 'string' },
      url: { type: 'string' },
      'erp-url': { type: 'string' },
      orders: { type: 'string', multiple: true },
      yield: { type: 'string' },
      scrap: { type: 'string' },
      concurrency: { type: 'string' },
      seed: { type: 'string' },
    },
  });
}

/** `200/s`, `200`, `12000/min` → messages per second. */
export function parseRate(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(?:\/(s|sec|min|m))?$/.exec(text.trim());
  const n = m ? Number(m[1]) * (m[2] === 'min' || m[2] === 'm' ? 1 / 60 : 1) : NaN;
  if (!m || !(n > 0) || n > 100_000) throw new SimulatorUsageError(`--rate must be messages per second such as 200/s (or 600/min); got ${JSON.stringify(text)}`);
  return n;
}

/** `500ms`, `60s`, `2m`, `60` (seconds) → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m?.[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  const ms = m ? Number(m[1]) * factor : NaN;
  if (!m || !(ms >= 1) || ms > 24 * 3_600_000) throw new SimulatorUsageError(`--duration must be a time such as 60s, 500ms or 2m (at most 24h); got ${JSON.stringify(text)}`);
  return Math.round(ms);
}
