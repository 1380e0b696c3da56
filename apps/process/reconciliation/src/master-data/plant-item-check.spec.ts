import type { InventoryBalance, Item, WorkOrder } from '@plantsync/canonical';
import { stockReferences, workOrderReferences } from './item-references';
import { checkPlantItems, type Convertible } from './plant-item-check';

const item = (code: string, baseUnit = 'EA', lotControlled = false): Item => ({ code, name: code, baseUnit, type: 'purchased', lotControlled, plants: [] });
const balance = (itemCode: string, value: string, unit = 'EA', location = 'P100-RM'): InventoryBalance => ({
  plant: 'P100',
  location,
  item: itemCode,
  stockStatus: 'unrestricted',
  quantity: { value, unit },
});
const workOrder = (id: string, itemCode: string, unit = 'EA'): WorkOrder => ({
  id,
  plant: 'P100',
  productionOrder: id.replace('WO-', ''),
  item: itemCode,
  quantity: { value: '10', unit },
  producedQuantity: { value: '0', unit },
  scrapQuantity: { value: '0', unit },
  status: 'dispatched',
  plannedStart: '2026-11-23T06:00:00Z',
  plannedEnd: '2026-11-24T14:00:00Z',
});
async function* stream(balances: InventoryBalance[]) {
  yield* balances;
}
/** The ERP converts BOX of BRKT-1042 to EA, nothing else. */
const convertible: Convertible = async (code, from, to) => code === 'BRKT-1042' && from === 'BOX' && to === 'EA';

async function check(items: Item[], balances: InventoryBalance[], workOrders: WorkOrder[] = []) {
  return checkPlantItems('P100', new Map(items.map((i) => [i.code, i])), await stockReferences(stream(balances)), workOrderReferences(workOrders), convertible);
}

describe('a plant\'s WMS and MES items against its ERP item master', () => {
  it('finds nothing when every stocked and planned item is in the item master in its base unit', async () => {
    const { differences, matched } = await check(
      [item('BRKT-1042'), item('STEEL-S235', 'KG')],
      [balance('BRKT-1042', '10'), balance('BRKT-1042', '5', 'EA', 'P100-FG'), balance('STEEL-S235', '2.5', 'KG')],
      [workOrder('WO-MO-1', 'BRKT-1042')],
    );
    expect(differences).toEqual([]);
    expect(matched).toBe(3); // two stocked items, one planned item
  });

  it('reports stock of an item the ERP does not know once per item, missing in the ERP, with the WMS total', async () => {
    const { differences } = await check([item('BRKT-1042')], [balance('GHOST-1', '3'), balance('GHOST-1', '4', 'EA', 'P100-FG'), balance('BRKT-1042', '1')]);
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({ kind: 'missing_posting', missingIn: 'erp', item: 'GHOST-1', source: 'wms', unit: 'EA', wmsQuantity: '7' });
    expect(differences[0].explanation).toBe('stock of GHOST-1 at the WMS but no such item in the ERP item master (7 EA in 2 balance(s) at P100)');
  });

  it('reports stock in another unit than the base unit as a unit mismatch, even one the ERP could convert', async () => {
    const { differences } = await check([item('BRKT-1042'), item('STEEL-S235', 'KG')], [balance('BRKT-1042', '2', 'BOX'), balance('STEEL-S235', '40', 'EA')]);
    expect(differences.map((d) => [d.item, d.kind, d.unit, d.wmsQuantity])).toEqual([
      ['BRKT-1042', 'unit_mismatch', 'EA', '2'],
      ['STEEL-S235', 'unit_mismatch', 'KG', '40'],
    ]);
    expect(differences[1].explanation).toBe('the WMS holds 40 EA of STEEL-S235 at P100, but its base unit in the ERP item master is KG');
    expect(differences[1].detail).toMatchObject({ erpBaseUnit: 'KG', forDataSteward: true });
  });

  it('accepts a work order in a unit the ERP converts, and reports one it cannot convert or whose item it does not know', async () => {
    const { differences, matched } = await check(
      [item('BRKT-1042'), item('STEEL-S235', 'KG')],
      [],
      [workOrder('WO-MO-1', 'BRKT-1042', 'BOX'), workOrder('WO-MO-2', 'STEEL-S235', 'M'), workOrder('WO-MO-3', 'NEW-9'), workOrder('WO-MO-4', 'NEW-9')],
    );
    expect(matched).toBe(1);
    expect(differences.map((d) => [d.item, d.kind, d.source, d.missingIn])).toEqual([
      ['NEW-9', 'missing_posting', 'mes', 'erp'],
      ['STEEL-S235', 'unit_mismatch', 'mes', null],
    ]);
    expect(differences[1].explanation).toMatch(/^the MES plans STEEL-S235 in M \(work order\(s\) WO-MO-2\), but its base unit .* is KG/);
    expect(differences[0].explanation).toBe('work order(s) WO-MO-3, WO-MO-4 of NEW-9 at the MES but no such item in the ERP item master of P100');
  });
});
