import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { parseDocument } from 'yaml';
import { LandscapeDefinition } from '../model/landscape.model';
import { LandscapeError } from './landscape.error';
import { interpolateEnv } from './interpolate-env';
import { Landscape } from '../model/landscape';

export const DEFAULT_LANDSCAPE_PATH = 'config/landscape.yaml';

/** Inline secrets are refused: a landscape file gets committed and copied around. */
const SECRET_KEYS = /^(api[-_]?key|password|secret|token|bearer)$/i;

function flatten(errors: ValidationError[], parent = ''): Array<{ path: string; reason: string }> {
  return errors.flatMap((e) => {
    const path = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ path, reason }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

function findInlineSecrets(value: unknown, path: string): Array<{ path: string; reason: string }> {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const p = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    return SECRET_KEYS.test(k)
      ? [{ path: p, reason: 'credentials must not be inline; name an env var in credentialsEnv' }]
      : findInlineSecrets(v, p);
  });
}

function crossChecks(def: LandscapeDefinition): Array<{ path: string; reason: string }> {
  const issues: Array<{ path: string; reason: string }> = [];
  const seen = new Map<string, number>();
  def.plants.forEach((plant, i) => {
    const before = seen.get(plant.code);
    if (before !== undefined) issues.push({ path: `plants[${i}].code`, reason: `duplicate plant code ${plant.code} (also plants[${before}])` });
    seen.set(plant.code, i);
    try {
      new Intl.DateTimeFormat('en', { timeZone: plant.timeZone });
    } catch {
      issues.push({ path: `plants[${i}].timeZone`, reason: `unknown IANA time zone "${plant.timeZone}"` });
    }
  });
  const domains = new Set<string>();
  def.systemsOfRecord.forEach((sor, i) => {
    if (domains.has(sor.domain)) issues.push({ path: `systemsOfRecord[${i}].domain`, reason: `duplicate domain ${sor.domain}` });
    domains.add(sor.domain);
  });
  return issues;
}

/** Parses and validates a landscape document; throws LandscapeError listing every problem. */
export function parseLandscape(text: string, file: string, env: NodeJS.ProcessEnv = process.env): Landscape {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new LandscapeError(file, doc.errors.map((e) => ({ path: `line ${e.linePos?.[0]?.line ?? '?'}`, reason: e.message.split('\n')[0] })));
  }
  const raw = doc.toJS() as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new LandscapeError(file, [{ path: '', reason: 'the landscape must be a YAML mapping' }]);
  }
  const secrets = findInlineSecrets(raw, '');
  const missing: Array<{ path: string; reason: string }> = [];
  const interpolated = interpolateEnv(raw, env, '', missing);
  const def = plainToInstance(LandscapeDefinition, interpolated, { exposeDefaultValues: true });
  const issues = [
    ...secrets,
    ...missing,
    ...flatten(validateSync(def, { whitelist: true, forbidNonWhitelisted: true })),
  ];
  if (issues.length === 0) issues.push(...crossChecks(def));
  if (issues.length > 0) throw new LandscapeError(file, issues);
  return new Landscape(def, file);
}

export function loadLandscape(env: NodeJS.ProcessEnv = process.env): Landscape {
  const file = resolve(env.PLANTSYNC_LANDSCAPE ?? DEFAULT_LANDSCAPE_PATH);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new LandscapeError(file, [{ path: '', reason: `cannot read file: ${(e as Error).message}` }]);
  }
  return parseLandscape(text, file, env);
}
