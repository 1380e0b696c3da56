import type { Item } from '@plantsync/canonical';
import type { StockReference, WorkOrderReference } from './item-references';

export const MASTER_DATA_DIFFERENCE_KINDS = ['missing_posting', 'unit_mismatch', 'master_data_mismatch'] as const;
export type MasterDataDifferenceKind = (typeof MASTER_DATA_DIFFERENCE_KINDS)[number];

/** One item on which a plant's WMS or MES and its ERP item master (or two plants' ERPs) disagree. */
export interface MasterDataDifference {
  kind: MasterDataDifferenceKind;
  plant: string;
  item: string;
  /** Which system refers to the item (plant checks); `erp` for a cross-plant mismatch. */
  source: 'wms' | 'mes' | 'erp';
  /** The ERP base unit when the ERP knows the item; otherwise the unit the WMS or MES uses. */
  unit: string;
  /** missing_posting only: the ERP does not know the item. */
  missingIn: 'erp' | null;
  /** The WMS' total quantity of the item at the plant (WMS differences), in `foreignUnit`. */
  wmsQuantity: string | null;
  explanation: string;
  /** What a data steward should look at, and the facts behind it (stored as actionDetail). */
  detail: Record<string, unknown>;
}

/** Whether `quantity in fromUnit` of the item can be expressed in `toUnit` by the ERP's unit conversions. */
export type Convertible = (item: string, fromUnit: string, toUnit: string) => Promise<boolean>;

/**
 * A plant's WMS stock and MES work orders against its ERP item master. Every item either system
 * refers to must be in the item master. The WMS must hold stock in the item's base unit exactly:
 * it never converts units (its receipts refuse any other unit) and ERP stock is kept in the base
 * unit, so stock in another unit cannot be compared or posted. A work order may be planned in
 * another unit the ERP can convert (a BOX of 12), as production orders may; one the ERP cannot
 * convert could never be confirmed.
 */
export async function checkPlantItems(
  plant: string,
  erpItems: ReadonlyMap<string, Item>,
  stock: ReadonlyMap<string, StockReference>,
  workOrders: ReadonlyMap<string, WorkOrderReference>,
  convertible: Convertible,
): Promise<{ differences: MasterDataDifference[]; matched: number }> {
  const differences: MasterDataDifference[] = [];
  let matched = 0;
  for (const ref of [...stock.values()].sort(byItem)) {
    const item = erpItems.get(ref.item);
    const units = [...ref.byUnit.keys()].sort();
    if (!item) {
      differences.push(missingStockItem(plant, ref, units));
      continue;
    }
    const foreign = units.filter((u) => u !== item.baseUnit);
    if (foreign.length === 0) matched++;
    else differences.push(stockUnitMismatch(plant, item, ref, foreign));
  }
  for (const ref of [...workOrders.values()].sort(byItem)) {
    const item = erpItems.get(ref.item);
    const ids = [...ref.byUnit.values()].flat().sort();
    if (!item) {
      differences.push({
        kind: 'missing_posting',
        plant,
        item: ref.item,
        source: 'mes',
        unit: [...ref.byUnit.keys()].sort()[0],
        missingIn: 'erp',
        wmsQuantity: null,
        explanation: `work order(s) ${ids.join(', ')} of ${ref.item} at the MES but no such item in the ERP item master of ${plant}`,
        detail: {
          forDataSteward: true,
          workOrders: ids,
          check: `Create ${ref.item} in the ERP item master of ${plant} (or correct the item code of the work orders in the MES); its output cannot be booked until then.`,
        },
      });
      continue;
    }
    const foreign: string[] = [];
    for (const unit of [...ref.byUnit.keys()].sort()) if (unit !== item.baseUnit && !(await convertible(item.code, unit, item.baseUnit))) foreign.push(unit);
    if (foreign.length === 0) {
      matched++;
      continue;
    }
    const affected = foreign.flatMap((u) => ref.byUnit.get(u)!).sort();
    differences.push({
      kind: 'unit_mismatch',
      plant,
      item: item.code,
      source: 'mes',
      unit: item.baseUnit,
      missingIn: null,
      wmsQuantity: null,
      explanation: `the MES plans ${item.code} in ${foreign.join(', ')} (work order(s) ${affected.join(', ')}), but its base unit in the ERP item master of ${plant} is ${item.baseUnit} and the ERP has no conversion`,
      detail: {
        forDataSteward: true,
        erpBaseUnit: item.baseUnit,
        mesUnits: foreign,
        workOrders: affected,
        check: `Correct the unit of the work orders in the MES, or add a ${foreign[0]} → ${item.baseUnit} conversion for ${item.code} in the ERP; confirmations in ${foreign[0]} are refused until then.`,
      },
    });
  }
  return { differences, matched };
}

function missingStockItem(plant: string, ref: StockReference, units: string[]): MasterDataDifference {
  const held = units.map((u) => `${ref.byUnit.get(u)!.quantity} ${u}`).join(' + ');
  const balances = units.reduce((n, u) => n + ref.byUnit.get(u)!.balances, 0);
  return {
    kind: 'missing_posting',
    plant,
    item: ref.item,
    source: 'wms',
    unit: units[0],
    missingIn: 'erp',
    wmsQuantity: units.length === 1 ? ref.byUnit.get(units[0])!.quantity : null,
    explanation: `stock of ${ref.item} at the WMS but no such item in the ERP item master (${held} in ${balances} balance(s) at ${plant})`,
    detail: {
      forDataSteward: true,
      wmsStock: Object.fromEntries(units.map((u) => [u, ref.byUnit.get(u)])),
      check: `Create ${ref.item} in the ERP item master of ${plant} if the plant keeps it, or find the receipt that booked it into the WMS under a wrong item code; the ERP cannot value this stock until then.`,
    },
  };
}

function stockUnitMismatch(plant: string, item: Item, ref: StockReference, foreign: string[]): MasterDataDifference {
  const held = foreign.map((u) => `${ref.byUnit.get(u)!.quantity} ${u}`).join(' + ');
  return {
    kind: 'unit_mismatch',
    plant,
    item: item.code,
    source: 'wms',
    unit: item.baseUnit,
    missingIn: null,
    wmsQuantity: foreign.length === 1 ? ref.byUnit.get(foreign[0])!.quantity : null,
    explanation: `the WMS holds ${held} of ${item.code} at ${plant}, but its base unit in the ERP item master is ${item.baseUnit}`,
    detail: {
      forDataSteward: true,
      erpBaseUnit: item.baseUnit,
      wmsStock: Object.fromEntries(foreign.map((u) => [u, ref.byUnit.get(u)])),
      check: `Find out which unit is right for ${item.code} at ${plant}: correct the base unit in the ERP item master, or the WMS item's stock unit; stock reconciliation cannot compare the two until then.`,
    },
  };
}

const byItem = (a: { item: string }, b: { item: string }) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0);
