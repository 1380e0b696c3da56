import { createHash } from 'node:crypto';

/**
 * A stable fingerprint of a request for idempotency checks: SHA-256 of the canonical JSON of
 * `parts` (object keys sorted), so `{a,b}` and `{b,a}` are the same request.
 * Typical use: `fingerprintOf(req.method, req.url, req.body)`.
 */
export function fingerprintOf(...parts: unknown[]): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
