import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so key order never changes a fingerprint. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * sha256 over method, path (with query) and body: canonical JSON for parsed bodies, the raw
 * text for strings and buffers (XML, B2MML) where any byte may matter.
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  let bodyText: string;
  if (body === undefined || body === null) bodyText = '';
  else if (typeof body === 'string') bodyText = body;
  else if (Buffer.isBuffer(body)) bodyText = body.toString('utf8');
  else bodyText = canonicalJson(body);
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${bodyText}`, 'utf8')
    .digest('hex');
}
