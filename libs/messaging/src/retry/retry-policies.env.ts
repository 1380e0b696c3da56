import type { RetryPolicy } from './retry-policy';

/** The numeric fields an operator may tune per queue, with their bounds. */
const TUNABLE: Record<'attempts' | 'baseDelayMs' | 'maxDelayMs' | 'jitter', { min: number; max: number; integer: boolean }> = {
  attempts: { min: 1, max: 100, integer: true },
  baseDelayMs: { min: 0, max: 3_600_000, integer: true },
  maxDelayMs: { min: 0, max: 24 * 3_600_000, integer: true },
  jitter: { min: 0, max: 1, integer: false },
};

/**
 * `PLANTSYNC_RETRY_POLICIES`: JSON `{ "<queue>": { attempts?, baseDelayMs?, maxDelayMs?, jitter? } }`
 * merged over the code's policies, so an operator can give a queue more patience without a release
 * (and tests can make retries fast). Boot fails naming the bad queue and field.
 */
export function retryPolicyOverridesFromEnv(env: Record<string, string | undefined> = process.env): Record<string, Partial<RetryPolicy>> {
  const raw = env.PLANTSYNC_RETRY_POLICIES;
  if (raw === undefined || raw.trim() === '') return {};
  const fail = (why: string) => new Error(`Invalid configuration: PLANTSYNC_RETRY_POLICIES ${why}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw fail('is not JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw fail('must be an object of queue → policy');
  const out: Record<string, Partial<RetryPolicy>> = {};
  for (const [queue, policy] of Object.entries(parsed as Record<string, unknown>)) {
    if (!policy || typeof policy !== 'object' || Array.isArray(policy)) throw fail(`.${queue} must be an object`);
    const fields: Partial<RetryPolicy> = {};
    for (const [field, value] of Object.entries(policy as Record<string, unknown>)) {
      const rule = TUNABLE[field as keyof typeof TUNABLE];
      if (!rule) throw fail(`.${queue}.${field} is not a tunable field (${Object.keys(TUNABLE).join(', ')})`);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value)))
        throw fail(`.${queue}.${field}=${JSON.stringify(value)} must be ${rule.integer ? 'an integer' : 'a number'} in ${rule.min}..${rule.max}`);
      fields[field as keyof typeof TUNABLE] = value;
    }
    out[queue] = fields;
  }
  return out;
}

/** Layers of per-queue overrides, later layers winning field by field. */
export function mergeRetryPolicies(...layers: Array<Record<string, Partial<RetryPolicy>> | undefined>): Record<string, Partial<RetryPolicy>> {
  const out: Record<string, Partial<RetryPolicy>> = {};
  for (const layer of layers) for (const [queue, policy] of Object.entries(layer ?? {})) out[queue] = { ...out[queue], ...policy };
  return out;
}
