import { PLANTS } from '../../dataset/plants';

/** Plants the sandbox simulates: exactly those of the demo dataset. */
export const SANDBOX_PLANT_CODES: readonly string[] = PLANTS.map((p) => p.code);

export function isKnownPlant(code: string): boolean {
  return SANDBOX_PLANT_CODES.includes(code);
}
