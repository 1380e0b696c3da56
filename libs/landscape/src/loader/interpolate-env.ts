/**
 * Replaces `${NAME}` and `${NAME:-default}` in string values, so one landscape file serves a
 * laptop and a deployment (base URLs differ). Secrets are NOT interpolated here: connectors read
 * them at call time from the env var named by `credentialsEnv`.
 */
export function interpolateEnv(
  value: unknown,
  env: NodeJS.ProcessEnv,
  path: string,
  missing: Array<{ path: string; reason: string }>,
): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Z][A-Z0-9_]*)(?::-([^}]*))?\}/g, (_m, name: string, fallback?: string) => {
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      missing.push({ path, reason: `environment variable ${name} is not set and has no default` });
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateEnv(v, env, `${path}[${i}]`, missing));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolateEnv(v, env, path ? `${path}.${k}` : k, missing)]),
    );
  }
  return value;
}
