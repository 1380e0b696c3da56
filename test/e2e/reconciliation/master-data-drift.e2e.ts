import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { startReconciliation, type ReconciliationHarness } from '../../support/reconciliation.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

jest.setTimeout(180_000);

/**
 * Item master data (issue 4, sync health's master data domain): every item a plant's WMS stocks or
 * MES plans must be in its ERP item master in its base unit, and the plants' ERPs must agree on an
 * item's base unit and lot control. The demo landscape is consistent; then an ERP user changes an
 * item's unit at one plant (Odoo JSON-2 `write` on product.product) and a warehouse receives an
 * item its plant's ERP does not carry, and the run must find exactly those, as exceptions.
 */
describe.each(['sqlite', 'postgres'] as const)('reconciliation: item master data on %s', (database) => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let mes: SystemApiHarness;
  let wms: SystemApiHarness;
  let app: ReconciliationHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    [erp, mes, wms] = await Promise.all([
      startSystemApi('erp-api', { sandboxUrl: sandbox.url }),
      startSystemApi('mes-api', { sandboxUrl: sandbox.url }),
      startSystemApi('wms-api', { sandboxUrl: sandbox.url }),
    ]);
    app = await startReconciliation({ systemApis: { erp: erp.url, mes: mes.url, wms: wms.url }, database });
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([erp?.close(), mes?.close(), wms?.close()]);
    await sandbox?.close();
  });

  async function reconcile(body: object, key: string): Promise<any> {
    const started = await app.request('POST', '/v1/reconciliation-runs', { key: DEMO_KEYS.planner, headers: { 'idempotency-key': `${key}-${database}` }, body });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ domain: 'master_data', status: 'queued' });
    for (let i = 0; i < 600; i++) {
      const run = await app.request('GET', `/v1/reconciliation-runs/${started.body.id}`, { key: DEMO_KEYS.planner });
      if (run.body.status === 'completed' || run.body.status === 'failed') return run.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('master data reconciliation run did not finish');
  }

  /** The sandbox's Odoo JSON-2 endpoint at P100, as an ERP user's client would call it. */
  async function odoo(model: string, method: string, body: unknown): Promise<any> {
    const res = await fetch(`${sandbox.url}/plants/P100/erp/json/2/${model}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'bearer sandbox-demo-key', 'x-odoo-database': 'det_prod' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`odoo ${model}.${method}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  it('finds the demo landscape consistent: every stocked and planned item is in its plant\'s item master, the plants agree', async () => {
    const postings = await sandbox.ledgerCount();
    const run = await reconcile({ domain: 'master_data' }, 'master-clean');
    expect(run).toMatchObject({ status: 'completed', domain: 'master_data', plant: null, systemOfRecord: 'erp', error: null });
    expect(run.differences).toEqual([]);
    expect(run.counts).toMatchObject({ differences: 0, byKind: {}, exceptions: 0, corrected: 0, correctionFailures: 0 });
    expect(run.counts.erpItems).toBeGreaterThan(0);
    expect(run.counts.wmsItems).toBeGreaterThan(0);
    expect(run.counts.mesItems).toBeGreaterThan(0);
    expect(run.counts.sharedItems).toBeGreaterThan(0);
    expect(run.counts.matched).toBe(run.counts.wmsItems + run.counts.mesItems);
    expect(await sandbox.ledgerCount()).toBe(postings); // a run reads; it posts nothing anywhere
  });

  it('finds a unit changed at one plant and stock of an item the ERP does not carry, and nothing else', async () => {
    // 1. An ERP user at P100 changes SCR-M6X20 (kept in EA by every plant, stocked at P100) to kg.
    const [kg] = await odoo('uom.uom', 'search_read', { domain: [['name', '=', 'kg']], fields: ['id'] });
    const [screw] = await odoo('product.product', 'search_read', { domain: [['default_code', '=', 'SCR-M6X20']], fields: ['id'] });
    await odoo('product.product', 'write', { ids: [screw.id], vals: { uom_id: kg.id } });

    // 2. The P200 warehouse receives ACT-2200, which P200's ERP does not carry (only P100 and P300 make it).
    expect((await erp.request('GET', '/v1/plants/P200/items/ACT-2200', { key: DEMO_KEYS.planner })).status).toBe(404);
    const receipt = await fetch(`${sandbox.url}/plants/P200/wms/v1/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sandbox-demo-key', 'idempotency-key': `stray-receipt-${database}` },
      body: JSON.stringify({ warehouseCode: 'MTY1', itemNumber: 'ACT-2200', quantity: { amount: '3', unit: 'EA' }, locationCode: 'P200-FG', reference: 'MISPICK-1' }),
    });
    expect(receipt.status).toBe(201);

    const run = await reconcile({ domain: 'master_data' }, 'master-drift');
    expect(run.status).toBe('completed');
    expect(run.counts).toMatchObject({ differences: 5, byKind: { missing_posting: 1, unit_mismatch: 1, master_data_mismatch: 3 }, exceptions: 5, corrected: 0, correctionFailures: 0 });
    const found = run.differences.map((d: any) => [d.plant, d.businessKey, d.kind]).sort();
    expect(found).toEqual([
      ['P100', 'SCR-M6X20', 'master_data_mismatch'],
      ['P100', 'SCR-M6X20', 'unit_mismatch'],
      ['P200', 'ACT-2200', 'missing_posting'],
      ['P200', 'SCR-M6X20', 'master_data_mismatch'],
      ['P300', 'SCR-M6X20', 'master_data_mismatch'],
    ]);
    const forSteward = { action: 'exception', location: null, lot: null, stockStatus: null };
    const find = (plant: string, kind: string) => run.differences.find((d: any) => d.plant === plant && d.kind === kind);
    expect(find('P200', 'missing_posting')).toMatchObject({
      ...forSteward,
      item: 'ACT-2200',
      missingIn: 'erp',
      unit: 'EA',
      wmsQuantity: '3',
      explanation: expect.stringMatching(/^stock of ACT-2200 at the WMS but no such item in the ERP item master/),
      actionDetail: { forDataSteward: true, source: 'wms' },
    });
    expect(find('P100', 'unit_mismatch')).toMatchObject({
      ...forSteward,
      item: 'SCR-M6X20',
      unit: 'KG',
      missingIn: null,
      explanation: expect.stringMatching(/^the WMS holds \d+ EA of SCR-M6X20 at P100, but its base unit in the ERP item master is KG$/),
      actionDetail: { erpBaseUnit: 'KG', source: 'wms' },
    });
    expect(find('P100', 'master_data_mismatch')).toMatchObject({
      ...forSteward,
      unit: 'KG',
      explanation: "SCR-M6X20 is in base unit KG at P100 but in base unit EA at P200, in base unit EA at P300 (the plants' ERP item masters disagree on its base unit)",
      actionDetail: { attribute: 'baseUnit', values: { P100: 'KG', P200: 'EA', P300: 'EA' }, forDataSteward: true },
    });
    expect(find('P300', 'master_data_mismatch').explanation).toBe(
      "SCR-M6X20 is in base unit EA at P300 but in base unit KG at P100 (the plants' ERP item masters disagree on its base unit)",
    );

    // Nothing was corrected: the item master at P100 still says kg.
    const item = await erp.request('GET', '/v1/plants/P100/items/SCR-M6X20', { key: DEMO_KEYS.planner });
    expect(item.body.baseUnit).toBe('KG');

    // Sync health: master data was reconciled just now, and what waits for a person is named.
    const health = await app.request('GET', '/v1/sync-health', { key: DEMO_KEYS.planner });
    const master = health.body.entries.find((e: any) => e.plant === 'P100' && e.domain === 'master_data');
    expect(master.lastSuccessfulSync).toBe(run.finishedAt);
    expect(master.failures).toContainEqual(
      expect.objectContaining({
        businessKey: `reconciliation-run/${run.id}`,
        reason: '5 item master data difference(s) (ERP item master vs WMS, MES or other plants) wait for a data steward',
      }),
    );
    const orders = health.body.entries.find((e: any) => e.plant === 'P100' && e.domain === 'orders');
    expect(orders.lastSuccessfulSync).toBeNull(); // a master data run is not an orders sync

    // A run for P300 alone still compares with the other plants, and reports only P300's side.
    const p300 = await reconcile({ domain: 'master_data', plant: 'P300' }, 'master-p300');
    expect(p300.differences.map((d: any) => [d.plant, d.businessKey, d.kind])).toEqual([['P300', 'SCR-M6X20', 'master_data_mismatch']]);
  });
});
