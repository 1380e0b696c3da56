import type { InventoryBalance, Item, Page, WorkOrder } from '@plantsync/canonical';
import { ErpApiClient, MesApiClient, SystemApiNotFoundError, WmsApiClient } from '@plantsync/clients';
import { Landscape } from '@plantsync/landscape';
import { DataSource } from 'typeorm';
import { ReconciliationDifference } from '../runs/reconciliation-difference.entity';
import { ReconciliationRun } from '../runs/reconciliation-run.entity';
import { MasterDataReconciler } from './master-data-reconciler.service';

const item = (code: string, baseUnit = 'EA'): Item => ({ code, name: code, baseUnit, type: 'purchased', lotControlled: false, plants: [] });
const page = <T>(items: T[]): Page<T> => ({ items, nextCursor: null }) as Page<T>;
const balance = (code: string, value: string, unit = 'EA'): InventoryBalance => ({ plant: 'P100', location: 'P100-RM', item: code, stockStatus: 'unrestricted', quantity: { value, unit } });

/**
 * The reconciler over stand-ins for the three system APIs (their HTTP contract is covered by
 * master-data-drift.e2e.ts) and a real SQLite database: what the item master says changes between
 * the listing and the second look, as it does when a data steward creates an item mid-run.
 */
describe('master data reconciler', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [ReconciliationDifference, ReconciliationRun], synchronize: true });
    await db.initialize();
  });
  afterAll(() => db.destroy());

  function reconciler(listed: Record<string, Item[]>, current: Record<string, Item[]>, stock: InventoryBalance[], workOrders: WorkOrder[] = []) {
    const erp = {
      listItems: async (_ctx: unknown, plant: string) => page(listed[plant] ?? []),
      getItem: async (_ctx: unknown, plant: string, code: string) => {
        const found = (current[plant] ?? []).find((i) => i.code === code);
        if (!found) throw new SystemApiNotFoundError({ api: 'erp-api', operation: 'getItem', plant, classification: 'permanent', code: 'item-not-found', status: 404 });
        return found;
      },
      listUnitConversions: async () => [],
    } as unknown as ErpApiClient;
    const wms = { listStock: async (_ctx: unknown, plant: string) => page(plant === 'P100' ? stock : []) } as unknown as WmsApiClient;
    const mes = { listWorkOrders: async (_ctx: unknown, plant: string) => (plant === 'P100' ? workOrders : []) } as unknown as MesApiClient;
    const landscape = { plants: () => [{ code: 'P100' }, { code: 'P200' }], systemOfRecord: () => 'erp' } as unknown as Landscape;
    return new MasterDataReconciler(db, erp, wms, mes, landscape);
  }

  const run = (id: string, plant: string | null = null) =>
    Object.assign(new ReconciliationRun(), { id, domain: 'master_data', plant, trigger: 'on_demand', status: 'running', systemOfRecord: 'erp', counts: null, error: null, correlationId: id, startedAt: new Date(), finishedAt: null });

  it('drops a suspect the ERP resolved before the second look, and stores the ones it did not', async () => {
    const listed = { P100: [item('A')], P200: [item('A')] };
    const current = { P100: [item('A'), item('NEW-1')], P200: [item('A')] };
    const r = reconciler(listed, current, [balance('A', '5'), balance('NEW-1', '2'), balance('GHOST-9', '1')]);
    const counts = await r.run(run('run-1'));
    expect(counts).toMatchObject({ erpItems: 2, wmsItems: 3, mesItems: 0, sharedItems: 1, matched: 2, differences: 1, byKind: { missing_posting: 1 }, exceptions: 1 });
    const rows = await db.getRepository(ReconciliationDifference).find({ where: { runId: 'run-1' } });
    expect(rows).toEqual([
      expect.objectContaining({ id: 'run-1:1', seq: 1, plant: 'P100', item: 'GHOST-9', businessKey: 'GHOST-9', kind: 'missing_posting', missingIn: 'erp', action: 'exception', wmsQuantity: '1' }),
    ]);
    expect(JSON.parse(rows[0].actionDetail)).toMatchObject({ source: 'wms', forDataSteward: true });
  });

  it('compares a one-plant run with every plant but stores only that plant\'s side', async () => {
    const masters = { P100: [item('A', 'KG')], P200: [item('A')] };
    const counts = await reconciler(masters, masters, []).run(run('run-2', 'P200'));
    expect(counts).toMatchObject({ erpItems: 1, sharedItems: 1, differences: 1, byKind: { master_data_mismatch: 1 } });
    const rows = await db.getRepository(ReconciliationDifference).find({ where: { runId: 'run-2' } });
    expect(rows.map((d) => [d.plant, d.kind, d.unit])).toEqual([['P200', 'master_data_mismatch', 'EA']]);
  });
});
