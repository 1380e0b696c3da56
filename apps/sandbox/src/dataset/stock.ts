import { anchorPlus } from './anchor-date';
import type { Item, Lot, StockBalance, StockStatus } from './demo-dataset.types';
import { ITEMS } from './items';
import { PURCHASE_ORDERS } from './purchase-orders';

/**
 * Stock per plant × location × item × lot × status, generated deterministically:
 * a generous baseline for every item a plant carries (bought → RM, made subassemblies →
 * LINE1, finished goods → FG; lot-controlled items split over an older and a newer lot),
 * replaced for a few plant × item pairs by hand-written balances that set up the demo
 * scenarios (scenarios.ts): a short component covered by an open PO, a short one that is
 * not, stock under quality inspection, blocked stock and goods in transit.
 */

/** Plant × item pairs whose stock is written by hand below instead of the baseline. */
const HAND_WRITTEN = new Set(['P100/BRKT-1042', 'P300/SEAL-2535']);

const BASELINE_QUANTITY: Record<string, string> = {
  'GRS-LI2': '36',
  'PWD-RAL7035': '240',
  'WLD-G3SI1': '300',
  'OIL-ISO68': '120',
  'STL-S235-2MM': '900',
  'STL-S355-5MM': '2400',
};

function baselineQuantity(item: Item): string {
  if (item.type === 'finished') return '35';
  if (item.type === 'semi-finished') return '150';
  if (BASELINE_QUANTITY[item.code]) return BASELINE_QUANTITY[item.code];
  switch (item.baseUnit) {
    case 'EA':
      return Number(item.weightKg) < 0.02 ? '6000' : '400';
    case 'M':
      return '150';
    case 'L':
      return '120';
    default:
      return '900';
  }
}

const LOTS_BY_CODE = new Map<string, Lot>();
const lotCounters = new Map<string, number>();
const SHELF_LIFE_ITEMS = new Set(['GRS-LI2', 'OIL-ISO68', 'PWD-RAL7035']);

/** A new lot of `item` at `plant`, received (or produced) `daysAgo` days before the anchor. */
function newLot(plant: string, item: Item, daysAgo: number): string {
  const n = (lotCounters.get(plant) ?? 0) + 1;
  lotCounters.set(plant, n);
  const day = anchorPlus(-daysAgo);
  const code = `L${plant.slice(1)}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(n).padStart(2, '0')}`;
  const supplier = PURCHASE_ORDERS.find(
    (po) => po.plant === plant && po.lines.some((l) => l.item === item.code),
  )?.supplier;
  LOTS_BY_CODE.set(code, {
    code,
    item: item.code,
    plant,
    ...(supplier && (item.type === 'purchased' || item.type === 'raw') ? { supplier } : {}),
    manufacturedOn: day,
    ...(SHELF_LIFE_ITEMS.has(item.code) ? { expiresOn: anchorPlus(730 - daysAgo) } : {}),
  });
  return code;
}

const itemByCode = new Map(ITEMS.map((i) => [i.code, i]));

function balance(
  plant: string,
  location: string,
  itemCode: string,
  quantity: string,
  status: StockStatus = 'unrestricted',
  lotDaysAgo = 20,
): StockBalance {
  const item = itemByCode.get(itemCode);
  if (!item) throw new Error(`stock for unknown item ${itemCode}`);
  return {
    plant,
    location,
    item: itemCode,
    ...(item.lotControlled ? { lot: newLot(plant, item, lotDaysAgo) } : {}),
    status,
    quantity,
    unit: item.baseUnit,
  };
}

function baseline(): StockBalance[] {
  const rows: StockBalance[] = [];
  for (const item of ITEMS) {
    for (const ext of item.plants) {
      if (HAND_WRITTEN.has(`${ext.plant}/${item.code}`)) continue;
      const quantity = baselineQuantity(item);
      const location = ext.defaultLocation;
      if (item.lotControlled) {
        // Older lot 40 %, newer lot 60 %; baseline quantities are multiples of 5, so this stays integral.
        const older = String((Number(quantity) * 2) / 5);
        const newer = String((Number(quantity) * 3) / 5);
        rows.push(balance(ext.plant, location, item.code, older, 'unrestricted', 45));
        rows.push(balance(ext.plant, location, item.code, newer, 'unrestricted', 12));
      } else {
        rows.push(balance(ext.plant, location, item.code, quantity));
      }
    }
  }
  return rows;
}

function handWritten(): StockBalance[] {
  return [
    // P100: 150 usable brackets, 12 blocked (bent in transport). MO-P100-0002 needs 240.
    balance('P100', 'P100-RM', 'BRKT-1042', '102'),
    balance('P100', 'P100-LINE1', 'BRKT-1042', '48'),
    balance('P100', 'P100-RM', 'BRKT-1042', '12', 'blocked'),
    // P300: 25 usable shaft seals, 10 more waiting for incoming inspection; MO-P300-0002 needs 60.
    balance('P300', 'P300-RM', 'SEAL-2535', '25'),
    balance('P300', 'P300-QI', 'SEAL-2535', '10', 'quality_inspection'),
    // Quality inspection and blocked lots.
    balance('P100', 'P100-QI', 'BRG-6204', '80', 'quality_inspection', 2),
    balance('P200', 'P200-QI', 'STL-S355-5MM', '1200', 'quality_inspection', 1),
    balance('P200', 'P200-RM', 'MTR-400V-750', '4', 'blocked', 30),
    balance('P300', 'P300-QI', 'GBX-4100', '8', 'quality_inspection', 3),
    // Line-side stock already staged.
    balance('P100', 'P100-LINE1', 'SCR-M6X20', '800'),
    balance('P100', 'P100-LINE1', 'MTR-24V-200', '20', 'unrestricted', 12),
    balance('P200', 'P200-LINE1', 'WLD-G3SI1', '35.5', 'unrestricted', 12),
    balance('P300', 'P300-LINE1', 'OIL-ISO68', '18.75', 'unrestricted', 45),
    // Welded housings shipped from Monterrey, on the truck to Detroit.
    balance('P100', 'P100-TRANSIT', 'SA-3103', '24', 'unrestricted', 4),
  ];
}

export const STOCK: StockBalance[] = [...baseline(), ...handWritten()];
export const LOTS: Lot[] = [...LOTS_BY_CODE.values()];
