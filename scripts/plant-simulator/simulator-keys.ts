import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SimulatorUsageError } from './simulator-options';

/** Which API keys the simulator uses: the plant MES' own key to report, a service key to read orders. */
export interface SimulatorKeys {
  mes(plant: string): string;
  service: string;
}

interface KeyEntry {
  key?: string;
  scopes?: string[];
}

/**
 * PLANTSYNC_MES_API_KEY_<PLANT> and PLANTSYNC_SERVICE_API_KEY win; otherwise the plaintext keys of the
 * key file (PLANTSYNC_API_KEYS_FILE, default config/api-keys.demo.yaml) with scope `mes:<PLANT>` / `service`.
 * Real deployments store only hashes, so there the env variables are required.
 */
export function loadSimulatorKeys(env: Record<string, string | undefined> = process.env): SimulatorKeys {
  const file = env.PLANTSYNC_API_KEYS_FILE ?? 'config/api-keys.demo.yaml';
  let entries: KeyEntry[] = [];
  try {
    entries = (parse(readFileSync(file, 'utf8')) as { keys?: KeyEntry[] } | null)?.keys ?? [];
  } catch {
    // No readable key file: only the env variables can name keys.
  }
  const withScope = (scope: string) => entries.find((k) => typeof k.key === 'string' && k.scopes?.includes(scope))?.key;
  const service = env.PLANTSYNC_SERVICE_API_KEY ?? withScope('service');
  if (!service) throw new SimulatorUsageError(`no service API key: set PLANTSYNC_SERVICE_API_KEY (none with scope service in ${file})`);
  return {
    service,
    mes(plant) {
      const key = env[`PLANTSYNC_MES_API_KEY_${plant}`] ?? withScope(`mes:${plant}`);
      if (!key) throw new SimulatorUsageError(`no MES API key for plant ${plant}: set PLANTSYNC_MES_API_KEY_${plant} (none with scope mes:${plant} in ${file})`);
      return key;
    },
  };
}
