import type { BillOfMaterials } from './bill-of-materials';
import { NoReleasedRevisionError } from './bom.errors';

/** True when `at` (YYYY-MM-DD) lies in [effectiveFrom, effectiveTo); an absent effectiveTo is open-ended. */
export function isEffectiveOn(bom: BillOfMaterials, at: string): boolean {
  // ISO dates compare correctly as strings.
  return bom.effectiveFrom <= at && (bom.effectiveTo === undefined || at < bom.effectiveTo);
}

/**
 * The revision to build `item` with on `at`: released revisions only, effective on that day.
 * When two released revisions overlap (a data error the ERP allows), the one that became
 * effective last wins, then the higher revision code.
 */
export function selectEffectiveRevision(
  boms: readonly BillOfMaterials[],
  at: string,
  item: string = boms[0]?.item ?? 'unknown',
): BillOfMaterials {
  const candidates = boms
    .filter((b) => b.status === 'released' && isEffectiveOn(b, at))
    .sort((a, b) =>
      a.effectiveFrom === b.effectiveFrom ? b.revision.localeCompare(a.revision) : b.effectiveFrom.localeCompare(a.effectiveFrom),
    );
  if (candidates.length === 0) throw new NoReleasedRevisionError(item, at);
  return candidates[0];
}
