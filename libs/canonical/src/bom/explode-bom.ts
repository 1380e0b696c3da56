import { decimal, DecimalMath, DecimalValue, formatDecimal } from '../quantity/decimal';
import { Quantity } from '../quantity/quantity';
import { convertQuantity } from '../uom/unit-conversion';
import type { UnitConversion } from '../uom/unit-of-measure';
import type { BillOfMaterials, BomExplosionLine } from './bill-of-materials';
import { BomCycleError, BomTooDeepError } from './bom.errors';
import { selectEffectiveRevision } from './select-effective-revision';

export const MAX_BOM_DEPTH = 20;

/** Fraction digits of the quantities an explosion reports (full precision is kept while computing). */
const REPORTED_DECIMALS = 12;

export interface ExplodeBomOptions {
  /**
   * The base unit of an item. Requirements are converted to it when the BOM line uses another unit
   * (15 G of a grease stocked in KG). Without it, or when it answers undefined, a component with a
   * BOM of its own is converted to that BOM's unit and a leaf keeps the line's unit.
   */
  baseUnitOf?: (item: string) => Promise<string | undefined>;
  /**
   * Called with a BOM's component items before they are walked, so the caller can load their BOMs
   * and base units for the whole level at once instead of one `loadBoms`/`baseUnitOf` call each.
   */
  prefetch?: (items: string[]) => Promise<void>;
  maxDepth?: number;
}

/** Quantities leave as decimal strings the canonical pattern accepts (at most 12 fraction digits). */
function reported(value: DecimalValue, unit: string): Quantity {
  return Quantity.of(formatDecimal(value.toDecimalPlaces(REPORTED_DECIMALS)), unit);
}

/**
 * Multi-level explosion of `item` for `quantity` on `at`: one line per BOM line reached, in
 * depth-first order, with required quantity = parent quantity × quantityPer ÷ baseQuantity ×
 * (1 + scrapFactor). Each level uses the revision effective on `at` (selectEffectiveRevision);
 * an item without any BOM is a leaf (purchased part, raw material). Pure: reads BOMs through
 * `loadBoms` only.
 */
export async function explodeBom(
  item: string,
  quantity: Quantity,
  at: string,
  loadBoms: (item: string) => Promise<BillOfMaterials[]>,
  conversions: readonly UnitConversion[],
  options: ExplodeBomOptions = {},
): Promise<BomExplosionLine[]> {
  const maxDepth = options.maxDepth ?? MAX_BOM_DEPTH;
  const bomCache = new Map<string, Promise<BillOfMaterials[]>>();
  const boms = (code: string) => {
    if (!bomCache.has(code)) bomCache.set(code, loadBoms(code));
    return bomCache.get(code)!;
  };
  const lines: BomExplosionLine[] = [];

  async function walk(parent: string, parentQty: Quantity, path: string[]): Promise<void> {
    const bom = selectEffectiveRevision(await boms(parent), at, parent);
    // The parent requirement in the unit the component list is written for.
    const inBomUnit = convertQuantity(parentQty, bom.baseQuantity.unit, conversions, parent);
    // convertQuantity may return more fraction digits than decimal() accepts: read it unchecked.
    const perBase = new DecimalMath(inBomUnit.value).dividedBy(bom.baseQuantity.value);
    await options.prefetch?.(bom.components.map((c) => c.item));
    for (const component of bom.components) {
      const childPath = [...path, parent];
      if (childPath.includes(component.item)) throw new BomCycleError([...childPath, component.item]);
      if (childPath.length > maxDepth) throw new BomTooDeepError([...childPath, component.item], maxDepth);
      const gross: DecimalValue = perBase.times(component.quantityPer.value).times(decimal(component.scrapFactor).plus(1));
      const childBoms = await boms(component.item);
      const leaf = childBoms.length === 0;
      const targetUnit =
        (await options.baseUnitOf?.(component.item)) ?? (leaf ? component.quantityPer.unit : childBoms[0].baseQuantity.unit);
      const converted = convertQuantity(reported(gross, component.quantityPer.unit), targetUnit, conversions, component.item);
      const required = reported(new DecimalMath(converted.value), converted.unit);
      lines.push({
        level: childPath.length,
        path: childPath,
        item: component.item,
        revision: bom.revision,
        requiredQuantity: required,
        leaf,
      });
      if (!leaf) await walk(component.item, required, childPath);
    }
  }

  await walk(item, quantity, []);
  return lines;
}
