import type { Item } from '@plantsync/canonical';
import type { MasterDataDifference } from './plant-item-check';

/** The global attributes of an item that every plant's ERP must agree on. */
const GLOBAL_ATTRIBUTES = [
  { name: 'base unit', key: 'baseUnit', show: (i: Item) => `in base unit ${i.baseUnit}` },
  { name: 'lot control', key: 'lotControlled', show: (i: Item) => (i.lotControlled ? 'lot-controlled' : 'not lot-controlled') },
] as const;

/**
 * The same item code in several plants' ERPs must carry the same base unit and lot control: a
 * transfer between the plants, a shared BOM or a group-wide stock figure assumes it. The ERP is the
 * system of record for items, but each plant runs its own ERP, so when two disagree there is no
 * winner to copy from. Every plant whose value differs from another plant's gets one difference per
 * attribute, naming the other plants and their values. `plants` restricts which plants' differences
 * are returned (a one-plant run still compares against every plant).
 */
export function checkAcrossPlants(
  itemMasters: ReadonlyMap<string, ReadonlyMap<string, Item>>,
  plants: ReadonlySet<string>,
): { differences: MasterDataDifference[]; sharedItems: number } {
  const byCode = new Map<string, { plant: string; item: Item }[]>();
  for (const [plant, items] of [...itemMasters].sort(([a], [b]) => (a < b ? -1 : 1)))
    for (const item of items.values()) byCode.set(item.code, [...(byCode.get(item.code) ?? []), { plant, item }]);
  const differences: MasterDataDifference[] = [];
  let sharedItems = 0;
  for (const code of [...byCode.keys()].sort()) {
    const holders = byCode.get(code)!;
    if (holders.length < 2) continue;
    sharedItems++;
    for (const attribute of GLOBAL_ATTRIBUTES) {
      for (const { plant, item } of holders) {
        if (!plants.has(plant)) continue;
        const mine = attribute.show(item);
        const others = holders.filter((h) => h.plant !== plant && attribute.show(h.item) !== mine);
        if (others.length === 0) continue;
        const theirs = others.map((o) => `${attribute.show(o.item)} at ${o.plant}`).join(', ');
        differences.push({
          kind: 'master_data_mismatch',
          plant,
          item: code,
          source: 'erp',
          unit: item.baseUnit,
          missingIn: null,
          wmsQuantity: null,
          explanation: `${code} is ${mine} at ${plant} but ${theirs} (the plants' ERP item masters disagree on its ${attribute.name})`,
          detail: {
            forDataSteward: true,
            attribute: attribute.key,
            values: Object.fromEntries(holders.map((h) => [h.plant, h.item[attribute.key]])),
            reason:
              'The ERP is the system of record for items, but each plant runs its own ERP: when two disagree on a global attribute there is no record to copy from, so nothing is corrected.',
            check: `Decide the right ${attribute.name} of ${code} for the group and correct the plants' ERP item masters that differ; check transfers and shared BOMs of ${code} meanwhile.`,
          },
        });
      }
    }
  }
  return { differences, sharedItems };
}
