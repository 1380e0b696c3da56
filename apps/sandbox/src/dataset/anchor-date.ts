/**
 * Every date in the demo dataset is relative to this fixed day, so tests are stable no
 * matter when they run. Simulators may shift dates by (today − anchor) for a live demo.
 */
export const DATASET_ANCHOR_DATE = '2026-11-02';

/** The anchor date plus `days` (may be negative), as `YYYY-MM-DD`. */
export function anchorPlus(days: number): string {
  const date = new Date(`${DATASET_ANCHOR_DATE}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
