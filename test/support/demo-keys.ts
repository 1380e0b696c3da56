import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLandscape } from '@plantsync/landscape';
/** The demo API keys of config/api-keys.demo.yaml, by who holds them. */
export const DEMO_KEYS = {
  admin: 'ps_demo_admin_3f9c1a',
  planner: 'ps_demo_planner_7b2e44',
  service: 'ps_demo_service_c81d09',
  mesP100: 'ps_demo_mes_p100_5a1f',
  mesP200: 'ps_demo_mes_p200_9d3c',
  mesP300: 'ps_demo_mes_p300_2e7b',
  supplier1001: 'ps_demo_supplier_1001_e4a8',
  supplier1002: 'ps_demo_supplier_1002_b6f3',
} as const;

/** Every credential env var the demo landscape names; the sandbox accepts any non-empty value. */
export function sandboxCredentialsEnv(): Record<string, string> {
  const file = join(__dirname, '../../config/landscape.yaml');
  return parseLandscape(readFileSync(file, 'utf8'), file, {}).credentialsEnv('sandbox-demo-key');
}
