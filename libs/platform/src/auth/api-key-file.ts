import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SCOPE_PATTERN } from './principal';

/** One entry of the API key file. */
export interface ApiKeyEntry {
  id: string;
  /** Plaintext key: demo files only (a warning is logged in production). */
  key?: string;
  /** Hex sha256 of the key: what real deployments store. */
  keySha256?: string;
  scopes: string[];
  description?: string;
}

export class ApiKeyFileError extends Error {
  constructor(file: string, path: string, reason: string) {
    super(`Invalid API key file ${file} at ${path}: ${reason}`);
  }
}

/**
 * Reads and validates the API key file. Shape:
 *   keys:
 *     - { id: planner-detroit, keySha256: <hex>, scopes: [planner], description: ... }
 * Any problem stops boot naming the file, the path inside it and the reason.
 */
export function loadApiKeyFile(file: string): ApiKeyEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ApiKeyFileError(file, '$', `cannot read file (${(e as Error).message})`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new ApiKeyFileError(file, '$', `not valid YAML (${(e as Error).message})`);
  }
  return parseApiKeyDocument(file, doc);
}

export function parseApiKeyDocument(file: string, doc: unknown): ApiKeyEntry[] {
  const fail = (path: string, reason: string): never => {
    throw new ApiKeyFileError(file, path, reason);
  };
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { keys?: unknown }).keys)) {
    fail('$.keys', 'expected a list of keys');
  }
  const raw = (doc as { keys: unknown[] }).keys;
  const ids = new Set<string>();
  const secrets = new Set<string>();
  return raw.map((item, i) => {
    const at = `$.keys[${i}]`;
    if (typeof item !== 'object' || item === null) return fail(at, 'expected an object');
    const e = item as Record<string, unknown>;
    const allowed = new Set(['id', 'key', 'keySha256', 'scopes', 'description']);
    for (const k of Object.keys(e)) if (!allowed.has(k)) fail(`${at}.${k}`, 'unknown property');
    if (typeof e.id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(e.id))
      fail(`${at}.id`, 'expected 1–64 chars of [A-Za-z0-9._-]');
    const id = e.id as string;
    if (ids.has(id)) fail(`${at}.id`, `duplicate id '${id}'`);
    ids.add(id);
    if ((e.key === undefined) === (e.keySha256 === undefined))
      fail(at, 'exactly one of key or keySha256 is required');
    if (e.key !== undefined && (typeof e.key !== 'string' || e.key.length < 16))
      fail(`${at}.key`, 'expected a string of at least 16 chars');
    if (
      e.keySha256 !== undefined &&
      (typeof e.keySha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(e.keySha256))
    ) {
      fail(`${at}.keySha256`, 'expected 64 hex chars (sha256 of the key)');
    }
    const secret = (e.key ?? e.keySha256) as string;
    if (secrets.has(secret)) fail(at, 'same key as an earlier entry');
    secrets.add(secret);
    if (!Array.isArray(e.scopes) || e.scopes.length === 0)
      fail(`${at}.scopes`, 'expected a non-empty list');
    (e.scopes as unknown[]).forEach((s, j) => {
      if (typeof s !== 'string' || !SCOPE_PATTERN.test(s)) {
        fail(
          `${at}.scopes[${j}]`,
          `'${String(s)}' is not admin, planner, service, mes:<PLANT> or supplier:<ID>`,
        );
      }
    });
    if (e.description !== undefined && typeof e.description !== 'string')
      fail(`${at}.description`, 'expected a string');
    return {
      id,
      key: e.key as string | undefined,
      keySha256: (e.keySha256 as string | undefined)?.toLowerCase(),
      scopes: e.scopes as string[],
      description: e.description as string | undefined,
    };
  });
}
