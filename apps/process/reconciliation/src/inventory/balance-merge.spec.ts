import type { InventoryBalance, StockStatus } from '@plantsync/canonical';
import { BalanceOrderError, compareStock, type MergeCounts, type StockDifference } from './balance-merge';

const b = (item: string, lot: string, value: string, stockStatus: StockStatus = 'unrestricted', location = 'P100-RM'): InventoryBalance => ({
  plant: 'P100',
  item,
  location,
  lot,
  stockStatus,
  quantity: { value, unit: 'EA' },
});

async function* list(balances: InventoryBalance[]) {
  yield* balances;
}

async function diff(erp: InventoryBalance[], wms: InventoryBalance[]): Promise<{ differences: StockDifference[]; counts: MergeCounts }> {
  const counts: MergeCounts = { erpBalances: 0, wmsBalances: 0, matched: 0 };
  const differences: StockDifference[] = [];
  for await (const d of compareStock(list(erp), list(wms), counts)) differences.push(d);
  return { differences, counts };
}

describe('compareStock (sort-merge of ERP and WMS balances)', () => {
  it('reports nothing when both sides hold the same balances', async () => {
    const same = [b('BRKT-1042', 'L1', '10'), b('BRKT-1042', 'L2', '4.5'), b('SEAL-2535', 'L1', '3')];
    const { differences, counts } = await diff(same, same);
    expect(differences).toEqual([]);
    expect(counts).toEqual({ erpBalances: 3, wmsBalances: 3, matched: 3 });
  });

  it('classifies a dropped, a doubled, an altered and a flipped posting', async () => {
    const wms = [b('BRKT-1042', 'L1', '10'), b('BRKT-1042', 'L2', '4'), b('BRKT-1042', 'L3', '6'), b('BRKT-1042', 'L4', '8'), b('SEAL-2535', 'L1', '1')];
    const erp = [b('BRKT-1042', 'L2', '8'), b('BRKT-1042', 'L3', '13'), b('BRKT-1042', 'L4', '8', 'quality_inspection'), b('SEAL-2535', 'L1', '1')];
    const { differences, counts } = await diff(erp, wms);
    expect(differences.map((d) => [d.kind, d.lot, d.missingIn])).toEqual([
      ['missing_posting', 'L1', 'erp'],
      ['duplicate_posting', 'L2', null],
      ['quantity_mismatch', 'L3', null],
      ['status_mismatch', 'L4', null],
    ]);
    expect(differences[3]).toMatchObject({ erpStatus: 'quality_inspection', wmsStatus: 'unrestricted', trace: null });
    expect(counts.matched).toBe(1);
  });

  it('refuses a side that is not in balance order rather than report false differences', async () => {
    await expect(diff([b('SEAL-2535', 'L1', '1'), b('BRKT-1042', 'L1', '1')], [])).rejects.toBeInstanceOf(BalanceOrderError);
  });
});
