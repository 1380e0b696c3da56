import { explodeBom, Quantity, selectEffectiveRevision } from '@plantsync/canonical';
import {
  BackendRejectedError,
  BackendUnavailableError,
  ErpConnector,
  InvalidForBackendError,
  odooErpConnectorFactory,
  RecordConflictError,
  RecordNotFoundError,
} from '@plantsync/connectors';
import type { Landscape } from '@plantsync/landscape';
import { DEMO_DATASET } from '../../../apps/sandbox/src/dataset/demo-dataset';
import { sandboxCredentialsEnv } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { testLandscape } from '../../support/system-api.harness';

const demoOrders = (plant: string, status: string) =>
  DEMO_DATASET.productionOrders.filter((o) => o.plant === plant && o.status === status).map((o) => o.number);

describe('odoo-json2 connector against the sandbox Odoo', () => {
  let sandbox: SandboxHarness;
  let landscape: Landscape;
  let erp: (plant: string) => ErpConnector;

  beforeAll(async () => {
    Object.assign(process.env, sandboxCredentialsEnv());
    sandbox = await startSandbox();
    landscape = testLandscape(sandbox.url);
    erp = (plant) => odooErpConnectorFactory.create(plant, landscape.system(plant, 'erp'));
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('pages through items with an offset cursor and filters by type', async () => {
    const finished = await erp('P200').listItems({}, { type: 'finished', limit: 1 });
    expect(finished.items).toHaveLength(1);
    expect(finished.nextCursor).not.toBeNull();
    const next = await erp('P200').listItems({}, { type: 'finished', limit: 1, cursor: finished.nextCursor! });
    const codes = [...finished.items, ...next.items].map((i) => i.code).sort();
    const expected = DEMO_DATASET.items.filter((i) => i.type === 'finished' && i.plants.some((p) => p.plant === 'P200')).map((i) => i.code);
    expect(codes).toEqual(expected.sort().slice(0, 2));
    expect(finished.items[0].type).toBe('finished');
  });

  it('reads one item with its plant extension and refuses an unknown one', async () => {
    const grease = await erp('P100').getItem({}, 'GRS-LI2');
    expect(grease).toMatchObject({ code: 'GRS-LI2', baseUnit: 'KG', type: 'purchased', lotControlled: true });
    expect(grease.plants[0]).toMatchObject({ plant: 'P100', procurementType: 'buy', leadTimeDays: 7, defaultLocation: 'P100-RM' });
    await expect(erp('P100').getItem({}, 'NOPE-0000')).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('returns every BOM revision, archived ones included, with exclusive effectivity ends', async () => {
    const boms = await erp('P100').listBoms({}, 'ACT-2200');
    expect(boms.map((b) => [b.revision, b.status])).toEqual([
      ['A', 'obsolete'],
      ['B', 'released'],
      ['C', 'draft'],
    ]);
    expect(boms[0].effectiveTo).toBe('2026-01-01');
    expect(selectEffectiveRevision(boms, '2026-11-02').revision).toBe('B');
  });

  it('explodes a multi-level BOM into base units with the connector as the source', async () => {
    const connector = erp('P100');
    const conversions = await connector.listUnitConversions({});
    expect(conversions).toContainEqual({ fromUnit: 'BOX', toUnit: 'EA', factor: '12', item: 'BRKT-1042' });
    const lines = await explodeBom('ACT-2200', Quantity.of('10', 'EA'), '2026-11-02', (i) => connector.listBoms({}, i), conversions, {
      baseUnitOf: async (i) => (await connector.getItem({}, i)).baseUnit,
    });
    // 10 × 15 g × 1.05 = 157.5 g of grease stocked in kg
    expect(lines.find((l) => l.item === 'GRS-LI2' && l.level === 1)?.requiredQuantity).toEqual(Quantity.of('0.1575', 'KG'));
    expect(lines.some((l) => l.level >= 3)).toBe(true);
  });

  it('reads a BOM level at once: the same items and revisions as getItem and listBoms per code, unknown codes left out', async () => {
    const connector = erp('P100');
    const codes = ['ACT-2200', 'GRS-LI2', 'BRKT-1042', 'NOPE-0000'];
    const described = await erp('P100').describeBomItems({}, codes);
    expect([...described.keys()].sort()).toEqual(['ACT-2200', 'BRKT-1042', 'GRS-LI2']);
    for (const code of ['ACT-2200', 'GRS-LI2', 'BRKT-1042']) {
      expect(described.get(code)!.item).toEqual(await connector.getItem({}, code));
      expect(described.get(code)!.boms).toEqual(await connector.listBoms({}, code));
    }
    expect(described.get('ACT-2200')!.boms.map((b) => b.revision)).toEqual(['A', 'B', 'C']);
    expect(described.get('GRS-LI2')!.boms).toEqual([]);
  });

  it('lists released production orders and finds one by name or id', async () => {
    const page = await erp('P200').listProductionOrders({}, { status: 'released', limit: 50 });
    expect(page.items.map((o) => o.number).sort()).toEqual(demoOrders('P200', 'released').sort());
    expect(page.items.every((o) => o.status === 'released' && o.plant === 'P200')).toBe(true);
    const first = page.items[0];
    expect(await erp('P200').getProductionOrder({}, first.number)).toEqual(first);
    expect(await erp('P200').getProductionOrder({}, first.id)).toEqual(first);
    await expect(erp('P200').getProductionOrder({}, '999999')).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('releases a planned order once, even when the call is retried with the same key', async () => {
    const [number] = demoOrders('P200', 'planned');
    const key = `it-release-${number}`;
    const first = await erp('P200').releaseProductionOrder({ idempotencyKey: key }, number);
    const retry = await erp('P200').releaseProductionOrder({ idempotencyKey: key }, number);
    expect(first.status).toBe('released');
    expect(retry).toEqual(first);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.action_confirm', businessKey: number })).toBe(1);
    // Another release (a different key) of the released order is a conflict naming the status.
    await expect(erp('P200').releaseProductionOrder({ idempotencyKey: `${key}-again` }, number)).rejects.toMatchObject({
      classification: 'conflict',
      details: { currentStatus: 'released' },
    });
  });

  it('refuses transitions the lifecycle forbids without calling Odoo', async () => {
    const [closed] = demoOrders('P200', 'closed');
    const [inProgress] = demoOrders('P200', 'in_progress');
    const before = await sandbox.ledgerCount({ plant: 'P200' });
    await expect(erp('P200').cancelProductionOrder({}, closed)).rejects.toBeInstanceOf(RecordConflictError);
    await expect(erp('P200').closeProductionOrder({}, inProgress)).rejects.toMatchObject({ details: { currentStatus: 'in_progress' } });
    expect(await sandbox.ledgerCount({ plant: 'P200' })).toBe(before);
  });

  it('closes a completed order', async () => {
    const [completed] = demoOrders('P200', 'completed');
    const closed = await erp('P200').closeProductionOrder({ idempotencyKey: `it-close-${completed}` }, completed);
    expect(closed.status).toBe('closed');
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.button_mark_done', businessKey: completed })).toBe(1);
  });

  it("lists a supplier's purchase orders and records its acknowledgement in one write", async () => {
    const page = await erp('P200').listPurchaseOrders({}, { supplier: 'SUP-1001', limit: 20 });
    const expected = DEMO_DATASET.purchaseOrders.filter((p) => p.plant === 'P200' && p.supplier === 'SUP-1001').map((p) => p.number);
    expect(page.items.map((p) => p.number).sort()).toEqual(expected.sort());
    const po = page.items[0];
    const answered = await erp('P200').acknowledgePurchaseOrder({ idempotencyKey: `it-ack-${po.number}` }, po.id, {
      lines: [{ lineNumber: po.lines[0].lineNumber, status: 'changed', proposedDate: '2026-11-27', note: 'Press maintenance in week 47' }],
    });
    expect(answered.lines[0].acknowledgement).toMatchObject({ status: 'changed', proposedDate: '2026-11-27', note: 'Press maintenance in week 47' });
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'purchase.order.write', businessKey: po.number })).toBe(1);
    await expect(
      erp('P200').acknowledgePurchaseOrder({}, po.id, { lines: [{ lineNumber: 990, status: 'accepted' }] }),
    ).rejects.toBeInstanceOf(InvalidForBackendError);
    expect(await erp('P200').listPurchaseOrders({}, { supplier: 'SUP-9999', limit: 5 })).toEqual({ items: [], nextCursor: null });
  });

  it('posts a receipt and an issue; a retried receipt creates no second transfer', async () => {
    const connector = erp('P300');
    const receipt = { type: 'goods_receipt' as const, item: 'BRKT-1042', quantity: Quantity.of('2', 'BOX'), toLocation: 'P300-RM', reference: 'IT-RCPT-1' };
    const posted = await connector.postGoodsMovement({ idempotencyKey: 'it-gr-1' }, receipt);
    const again = await connector.postGoodsMovement({ idempotencyKey: 'it-gr-1' }, receipt);
    expect(again.id).toBe(posted.id);
    expect(posted).toMatchObject({ plant: 'P300', type: 'goods_receipt', toLocation: 'P300-RM', reference: 'IT-RCPT-1' });
    expect(await sandbox.ledgerCount({ plant: 'P300', operation: 'stock.picking.button_validate' })).toBe(1);

    const issue = await connector.postGoodsMovement({ idempotencyKey: 'it-gi-1' }, {
      type: 'goods_issue',
      item: 'BRKT-1042',
      quantity: Quantity.of('24', 'EA'),
      fromLocation: 'P300-RM',
    });
    expect(issue.fromLocation).toBe('P300-RM');
    await expect(
      connector.postGoodsMovement({ idempotencyKey: 'it-gi-2' }, { type: 'goods_issue', item: 'BRKT-1042', quantity: Quantity.of('1000000', 'EA'), fromLocation: 'P300-RM' }),
    ).rejects.toMatchObject({ classification: 'conflict', code: 'goods-movement-refused' });
    await expect(
      connector.postGoodsMovement({}, { type: 'transfer_posting', item: 'BRKT-1042', quantity: Quantity.of('1', 'EA'), fromLocation: 'P300-QI' }),
    ).rejects.toMatchObject({ classification: 'invalid', code: 'location-required' });
    await expect(
      connector.postGoodsMovement({}, { type: 'goods_receipt', item: 'BRKT-1042', quantity: Quantity.of('1', 'EA'), toLocation: 'P999-RM' }),
    ).rejects.toMatchObject({ code: 'unknown-location' });
  });

  it('classifies a missing API key and a down ERP', async () => {
    const binding = { ...landscape.system('P100', 'erp'), credentialsEnv: 'P100_ODOO_KEY_NOT_SET' };
    await expect(odooErpConnectorFactory.create('P100', binding).getItem({}, 'BRKT-1042')).rejects.toBeInstanceOf(BackendRejectedError);
    await sandbox.setFault('P100', 'erp', { downForSeconds: 30 });
    try {
      await expect(erp('P100').health({})).rejects.toBeInstanceOf(BackendUnavailableError);
    } finally {
      await sandbox.clearFaults();
    }
    await expect(erp('P100').health({})).resolves.toBeUndefined();
  });
});
