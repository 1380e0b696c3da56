import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { qty, seededLots, seededStock } from './wms-fixtures';

describe('wms-api: transfer orders across plants and goods receipts', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
  });

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const post = (path: string, body?: unknown, idempotencyKey?: string) =>
    api.request('POST', path, { key: DEMO_KEYS.planner, body, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {} });
  const get = (path: string) => api.request('GET', path, { key: DEMO_KEYS.planner });

  it('moves a lot of bearings from P100 Detroit to P300 Wrocław: create, pick, ship (in transit), partial receipts, over-receipt refused', async () => {
    const [, newest] = seededLots('P100', 'BRG-6204', 'P100-RM');
    const p100Before = (await get('/v1/plants/P100/availability?item=BRG-6204')).body;
    const p300Before = (await get('/v1/plants/P300/availability?item=BRG-6204')).body;

    const created = await post(
      '/v1/plants/P100/transfer-orders',
      { item: 'BRG-6204', quantity: qty('100'), lot: newest.lot, fromLocation: 'P100-RM', toPlant: 'P300', toLocation: 'P300-RM', reference: 'TRF-2026-0007' },
      'e2e-to-create-1',
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ plant: 'P100', toPlant: 'P300', status: 'created', lot: newest.lot, receivedQuantity: qty('0') });
    const id = created.body.id as string;
    const to = `/v1/plants/P100/transfer-orders/${id}`;

    const early = await post(`${to}/ship`);
    expect(early.status).toBe(409);
    expect(early.body.type).toMatch(/invalid-state$/);

    expect((await post(`${to}/pick`, undefined, 'e2e-to-pick-1')).body.status).toBe('picked');
    const shipped = await post(`${to}/ship`, undefined, 'e2e-to-ship-1');
    expect(shipped.body.status).toBe('shipped');

    // Shipped stock left P100 and waits at P300's transit location as in_transit, same lot.
    const p100Shipped = (await get('/v1/plants/P100/availability?item=BRG-6204')).body;
    expect(p100Shipped.unrestricted).toEqual(qty(String(Number(p100Before.unrestricted.value) - 100)));
    const inTransit = await get('/v1/plants/P300/stock?item=BRG-6204&status=in_transit');
    expect(inTransit.body.items).toEqual([
      { plant: 'P300', location: 'P300-TRANSIT', item: 'BRG-6204', lot: newest.lot, stockStatus: 'in_transit', quantity: qty('100') },
    ]);
    const p300Shipped = (await get('/v1/plants/P300/availability?item=BRG-6204')).body;
    expect(p300Shipped.inTransit).toEqual(qty('100'));
    expect(p300Shipped.availableToPromise).toEqual(p300Before.availableToPromise);

    const partial = await post(`${to}/receive`, { quantity: qty('40') }, 'e2e-to-receive-1');
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ status: 'partially_received', receivedQuantity: qty('40') });

    const over = await post(`${to}/receive`, { quantity: qty('61') }, 'e2e-to-receive-2');
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ type: expect.stringMatching(/over-receipt$/), requested: qty('61'), stillInTransit: qty('60') });

    const rest = await post(`${to}/receive`, { quantity: qty('60') }, 'e2e-to-receive-3');
    expect(rest.body).toMatchObject({ status: 'received', receivedQuantity: qty('100') });

    const arrived = await get(`/v1/plants/P300/stock?item=BRG-6204&location=P300-RM&lot=${newest.lot}`);
    expect(arrived.body.items).toEqual([expect.objectContaining({ lot: newest.lot, stockStatus: 'unrestricted', quantity: qty('100') })]);
    const p300After = (await get('/v1/plants/P300/availability?item=BRG-6204')).body;
    expect(p300After).toMatchObject({ inTransit: qty('0'), availableToPromise: qty(String(Number(p300Before.availableToPromise.value) + 100)) });

    const ledger = await sandbox.ledger({ plant: 'P100', system: 'wms', businessKey: id });
    expect(ledger.map((e) => e.operation)).toEqual([
      'transfer-order.create',
      'transfer-order.pick',
      'transfer-order.ship',
      'transfer-order.receive',
      'transfer-order.receive',
    ]);
    expect((await get(to)).body).toEqual(rest.body);
  });

  it('picks the oldest lot first when the order names none, and carries it', async () => {
    const [oldest] = seededLots('P100', 'BRG-6204', 'P100-RM');
    const created = await post('/v1/plants/P100/transfer-orders', {
      item: 'BRG-6204',
      quantity: qty('10'),
      fromLocation: 'P100-RM',
      toPlant: 'P100',
      toLocation: 'P100-LINE1',
    });
    expect(created.body.lot).toBeUndefined();
    const picked = await post(`/v1/plants/P100/transfer-orders/${created.body.id}/pick`);
    expect(picked.body.lot).toBe(oldest.lot);
  });

  it('refuses a transfer larger than what the source location can promise', async () => {
    const res = await post('/v1/plants/P100/transfer-orders', {
      item: 'BRG-6204',
      quantity: qty('100000'),
      fromLocation: 'P100-RM',
      toPlant: 'P300',
      toLocation: 'P300-RM',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: expect.stringMatching(/insufficient-stock$/), item: 'BRG-6204' });
  });

  it('answers 404 for a transfer order the source plant does not have', async () => {
    const res = await get('/v1/plants/P100/transfer-orders/TO-P100-999999');
    expect(res.status).toBe(404);
    expect(res.body.type).toMatch(/transfer-order-not-found$/);
  });

  it('answers 400 for a destination location that does not exist at the destination plant', async () => {
    const res = await post('/v1/plants/P100/transfer-orders', {
      item: 'BRG-6204',
      quantity: qty('1'),
      fromLocation: 'P100-RM',
      toPlant: 'P300',
      toLocation: 'P200-RM',
    });
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(/unknown-location$/);
  });

  it('books a purchase-order receipt into quality inspection without making it available', async () => {
    const before = (await get('/v1/plants/P100/availability?item=BRKT-1042')).body;
    const receipt = await post(
      '/v1/plants/P100/receipts',
      { item: 'BRKT-1042', quantity: qty('500'), location: 'P100-QI', stockStatus: 'quality_inspection', reference: 'PO-P100-26-0001/10' },
      'e2e-receipt-qi-1',
    );
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ plant: 'P100', item: 'BRKT-1042', location: 'P100-QI', stockStatus: 'quality_inspection', quantity: qty('500') });
    expect(receipt.body.id).toMatch(/^GR-P100-\d{6}$/);

    const after = (await get('/v1/plants/P100/availability?item=BRKT-1042')).body;
    expect(after.qualityInspection).toEqual(qty(String(Number(before.qualityInspection.value) + 500)));
    expect(after.availableToPromise).toEqual(before.availableToPromise);
    expect(after.blocked).toEqual(qty(seededStock('P100', 'BRKT-1042', 'blocked')));
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'receipt.create', businessKey: 'PO-P100-26-0001/10' })).toBe(1);

    const released = await post('/v1/plants/P100/receipts', { item: 'BRKT-1042', quantity: qty('20'), location: 'P100-RM', reference: 'MO-P100-000031' });
    expect(released.body.stockStatus).toBe('unrestricted');
    const atp = (await get('/v1/plants/P100/availability?item=BRKT-1042')).body.availableToPromise;
    expect(atp).toEqual(qty(String(Number(before.availableToPromise.value) + 20)));
  });

  it('refuses a receipt in a unit the WMS does not stock the item in', async () => {
    const res = await post('/v1/plants/P200/receipts', { item: 'STL-S355-5MM', quantity: qty('5', 'G'), location: 'P200-RM' });
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(/unit-mismatch$/);
  });

  it('pages stock balances with a cursor', async () => {
    const first = await get('/v1/plants/P200/stock?location=P200-RM&limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await get(`/v1/plants/P200/stock?location=P200-RM&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.items).not.toContainEqual(first.body.items[0]);
    expect((await get('/v1/plants/P200/stock?cursor=not-ours')).status).toBe(400);
  });
});
