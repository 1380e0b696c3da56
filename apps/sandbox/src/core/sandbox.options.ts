/** Options of one sandbox instance, resolved once at boot (see SandboxModule.forRoot). */
export interface SandboxOptions {
  /** SQLite file; `SANDBOX_DB`, default `var/sandbox.sqlite`. */
  dbFile: string;
  /** Load the demo dataset into the simulators on first boot of a file (default true). */
  seed: boolean;
  /** When set, admin endpoints require header `X-Admin-Token` (or `Authorization: Bearer`). */
  adminToken?: string;
  /** Seed of the fault-injection RNG; `SANDBOX_FAULT_SEED`, default 1. */
  faultSeed: number;
}

export const SANDBOX_OPTIONS = Symbol('SANDBOX_OPTIONS');

export type SandboxSystem = 'erp' | 'mes' | 'wms';
export const SANDBOX_SYSTEMS: readonly SandboxSystem[] = ['erp', 'mes', 'wms'];

export function isSandboxSystem(value: unknown): value is SandboxSystem {
  return typeof value === 'string' && (SANDBOX_SYSTEMS as readonly string[]).includes(value);
}

export function resolveSandboxOptions(
  input: Partial<SandboxOptions> = {},
  env = process.env,
): SandboxOptions {
  const faultSeed = input.faultSeed ?? Number(env.SANDBOX_FAULT_SEED ?? 1);
  if (!Number.isInteger(faultSeed))
    throw new Error(`SANDBOX_FAULT_SEED must be an integer, got "${env.SANDBOX_FAULT_SEED}"`);
  return {
    dbFile: input.dbFile ?? env.SANDBOX_DB ?? 'var/sandbox.sqlite',
    seed: input.seed ?? true,
    adminToken: input.adminToken ?? (env.SANDBOX_ADMIN_TOKEN || undefined),
    faultSeed,
  };
}
