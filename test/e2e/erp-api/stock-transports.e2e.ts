import { randomUUID } from 'node:crypto';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { qty } from './erp-fixtures';

/**
 * Stock transport orders through erp-api, the odoo-json2 connector and the sandbox Odoo: an STO
 * picking at the source plant, shipped (closed) by the goods issue that names it, referenced by
 * the receipt at the destination; every posting counted in the sandbox ledger.
 */
describe('erp-api: stock transport orders between plants', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
  });

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const post = (path: string, body?: unknown, idempotencyKey: string = randomUUID()) =>
    api.request('POST', path, { key: DEMO_KEYS.planner, body, headers: { 'idempotency-key': idempotencyKey } });
  const get = (path: string) => api.request('GET', path, { key: DEMO_KEYS.planner });
  const sto = (reference: string, quantity = '12') => ({
    item: 'BRG-6205',
    quantity: qty(quantity),
    fromLocation: 'P100-RM',
    toPlant: 'P300',
    toLocation: 'P300-RM',
    reference,
  });
  const onSto = (operation: string, number: string) => sandbox.ledgerCount({ plant: 'P100', system: 'erp', operation, businessKey: number });

  it('creates one STO per Idempotency-Key, readable by id, by number and by reference', async () => {
    const key = randomUUID();
    const created = await post('/v1/plants/P100/stock-transports', sto('TRF-e2e-sto-1'), key);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      plant: 'P100',
      toPlant: 'P300',
      item: 'BRG-6205',
      quantity: qty('12'),
      fromLocation: 'P100-RM',
      toLocation: 'P300-RM',
      status: 'open',
      reference: 'TRF-e2e-sto-1',
    });
    expect(created.body.number).toMatch(/^P100\/STO\/\d{5}$/);
    const again = await post('/v1/plants/P100/stock-transports', sto('TRF-e2e-sto-1'), key);
    expect(again.body.id).toBe(created.body.id);
    expect(await onSto('stock.picking.create', created.body.number)).toBe(1);
    expect(await onSto('stock.picking.action_confirm', created.body.number)).toBe(1);

    expect((await get(`/v1/plants/P100/stock-transports/${created.body.id}`)).body).toEqual(created.body);
    expect((await get(`/v1/plants/P100/stock-transports/${encodeURIComponent(created.body.number)}`)).body).toEqual(created.body);
    expect((await get('/v1/plants/P100/stock-transports?reference=TRF-e2e-sto-1')).body).toEqual([created.body]);
    expect((await get('/v1/plants/P100/stock-transports?reference=TRF-nothing-here')).body).toEqual([]);
  });

  it('the goods issue naming the STO ships it; the receipt at the destination references it; a shipped STO cannot be cancelled', async () => {
    // BRG-6205 is lot-controlled: the STO and its goods issue name a lot the ERP holds at P100-RM.
    const stock = (await get('/v1/plants/P100/stock?item=BRG-6205&location=P100-RM')).body.items as Array<{ lot: string; quantity: { value: string } }>;
    const lot = stock.find((b) => b.lot && Number(b.quantity.value) >= 4)!.lot;
    const created = (await post('/v1/plants/P100/stock-transports', { ...sto('TRF-e2e-sto-2', '4'), lot })).body;
    expect(created.lot).toBe(lot);
    const issue = await post('/v1/plants/P100/goods-movements', {
      type: 'goods_issue',
      item: 'BRG-6205',
      quantity: qty('4'),
      lot,
      fromLocation: 'P100-RM',
      reference: 'TRF-e2e-sto-2',
      stockTransport: created.number,
    });
    expect(issue.status).toBe(201);
    expect(issue.body.stockTransport).toBe(created.number);
    const shipped = (await get(`/v1/plants/P100/stock-transports/${created.id}`)).body;
    expect(shipped).toMatchObject({ status: 'shipped', shippedAt: expect.any(String) });
    expect(await onSto('stock.picking.plantsync_close_transport', created.number)).toBe(1);
    // The STO itself never moved stock: only the goods issue was validated.
    expect(await onSto('stock.picking.button_validate', created.number)).toBe(0);

    const receipt = await api.request('POST', '/v1/plants/P300/goods-movements', {
      key: DEMO_KEYS.planner,
      headers: { 'idempotency-key': randomUUID() },
      body: { type: 'goods_receipt', item: 'BRG-6205', quantity: qty('4'), lot, toLocation: 'P300-RM', reference: 'TRF-e2e-sto-2', stockTransport: created.number },
    });
    expect(receipt.status).toBe(201);
    expect(receipt.body.stockTransport).toBe(created.number);

    const cancel = await post(`/v1/plants/P100/stock-transports/${created.id}/cancel`);
    expect(cancel.status).toBe(409);
    expect(cancel.headers.get('content-type')).toContain('application/problem+json');
    expect(cancel.body.type).toMatch(/stock-transport-shipped$/);
    expect(await onSto('stock.picking.action_cancel', created.number)).toBe(0);
  });

  it('cancels an open STO once; nothing can be issued against a cancelled one', async () => {
    const created = (await post('/v1/plants/P100/stock-transports', sto('TRF-e2e-sto-3', '2'))).body;
    const cancelled = await post(`/v1/plants/P100/stock-transports/${created.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await post(`/v1/plants/P100/stock-transports/${created.id}/cancel`)).body.status).toBe('cancelled');
    expect(await onSto('stock.picking.action_cancel', created.number)).toBe(1);

    const issue = await post('/v1/plants/P100/goods-movements', {
      type: 'goods_issue',
      item: 'BRG-6205',
      quantity: qty('2'),
      fromLocation: 'P100-RM',
      stockTransport: created.number,
    });
    expect(issue.status).toBe(409);
    expect(issue.body.type).toMatch(/stock-transport-cancelled$/);
  });

  it('answers problem+json for bad input, naming what was wrong', async () => {
    const samePlant = await post('/v1/plants/P100/stock-transports', { ...sto('TRF-e2e-bad'), toPlant: 'P100' });
    expect(samePlant.status).toBe(400);
    expect(samePlant.headers.get('content-type')).toContain('application/problem+json');
    expect(samePlant.body.errors).toEqual([expect.objectContaining({ field: 'toPlant' })]);
    const nowhere = await post('/v1/plants/P100/stock-transports', { ...sto('TRF-e2e-bad'), toPlant: 'P999', quantity: qty('0') });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['quantity.value', 'toPlant']);
    const shape = await post('/v1/plants/P100/stock-transports', { item: 'BRG-6205', quantity: qty('1') });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['fromLocation', 'toPlant', 'toLocation', 'reference']));

    expect((await post('/v1/plants/P100/stock-transports', { ...sto('TRF-e2e-bad'), item: 'NOPE-0000' })).body.type).toMatch(/unknown-item$/);
    expect((await post('/v1/plants/P100/stock-transports', { ...sto('TRF-e2e-bad'), fromLocation: 'P100-NOWHERE' })).body.type).toMatch(/unknown-location$/);
    expect((await post('/v1/plants/P100/stock-transports', { ...sto('TRF-e2e-bad'), lot: 'L-NO-SUCH-LOT' })).body.type).toMatch(/unknown-lot$/);
    expect((await get('/v1/plants/P100/stock-transports?reference=TRF-e2e-bad')).body).toEqual([]);

    expect((await get('/v1/plants/P100/stock-transports')).status).toBe(400);
    const missing = await get('/v1/plants/P100/stock-transports/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.type).toMatch(/stock-transport-not-found$/);
    const unknownSto = await post('/v1/plants/P100/goods-movements', {
      type: 'goods_issue',
      item: 'BRG-6205',
      quantity: qty('1'),
      fromLocation: 'P100-RM',
      stockTransport: 'P100/STO/99999',
    });
    expect(unknownSto.status).toBe(400);
    expect(unknownSto.body.type).toMatch(/unknown-stock-transport$/);
  });
});
