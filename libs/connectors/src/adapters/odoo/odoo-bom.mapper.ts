import { BillOfMaterials, BomStatus, Quantity } from '@plantsync/canonical';
import type { OdooBom, OdooBomLine } from './odoo-records';
import { unitCode } from './odoo-uom.mapper';
import { addDays, charOrUndefined, floatToDecimal, many2oneId, many2oneName } from './odoo-values';

const STATUSES: readonly BomStatus[] = ['draft', 'released', 'obsolete'];

/**
 * mrp.bom (one record per revision) → BillOfMaterials. Odoo has no revisions: `code` is the
 * revision, x_status / x_effective_from / x_effective_to (inclusive last day, as planners enter
 * it) the release status and effectivity. Canonical effectiveTo is exclusive, hence + 1 day.
 * A BOM without x_status counts as released while active, obsolete once archived.
 */
export function toBom(
  bom: OdooBom,
  lines: readonly OdooBomLine[],
  codeOf: (productId: number) => string,
  plant: string,
): BillOfMaterials {
  const status = charOrUndefined(bom.x_status) as BomStatus | undefined;
  const effectiveTo = charOrUndefined(bom.x_effective_to);
  return {
    id: String(bom.id),
    item: codeOf(many2oneId(bom.product_id)!),
    plant,
    revision: charOrUndefined(bom.code) ?? String(bom.id),
    status: status && STATUSES.includes(status) ? status : bom.active ? 'released' : 'obsolete',
    effectiveFrom: charOrUndefined(bom.x_effective_from) ?? '1970-01-01',
    ...(effectiveTo ? { effectiveTo: addDays(effectiveTo, 1) } : {}),
    baseQuantity: Quantity.of(floatToDecimal(bom.product_qty), unitCode(many2oneName(bom.product_uom_id) ?? 'Units')),
    components: lines
      .filter((l) => many2oneId(l.bom_id) === bom.id)
      .sort((a, b) => a.sequence - b.sequence || a.id - b.id)
      .map((l) => ({
        item: codeOf(many2oneId(l.product_id)!),
        quantityPer: Quantity.of(floatToDecimal(l.product_qty), unitCode(many2oneName(l.product_uom_id) ?? 'Units')),
        scrapFactor: floatToDecimal(l.x_scrap_factor),
      })),
  };
}
