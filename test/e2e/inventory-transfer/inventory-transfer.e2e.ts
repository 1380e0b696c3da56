import { randomUUID } from 'node:crypto';
import { OutboxEvent } from '@plantsync/messaging';
import { DataSource } from 'typeorm';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startTransferEnv, until, type TransferEnv } from './inventory-transfer.harness';

jest.setTimeout(120_000);

let env: TransferEnv;
beforeAll(async () => {
  env = await startTransferEnv();
});
afterAll(async () => {
  await env?.close();
});

const planner = DEMO_KEYS.planner;
const TERMINAL = ['completed', 'failed', 'cancelled', 'exception', 'resolved'];

async function requestTransfer(body: Record<string, unknown>, key = randomUUID()) {
  return env.request('POST', '/v1/inventory-transfers', { key: planner, body, headers: { 'idempotency-key': key } });
}
const transfer = (id: string) => env.request('GET', `/v1/inventory-transfers/${id}`, { key: planner });
const settle = (id: string, done: (t: any) => boolean = (t) => TERMINAL.includes(t.status)) => until(() => transfer(id), done);
const receive = (id: string, value: string, key = randomUUID()) =>
  env.request('POST', `/v1/inventory-transfers/${id}/receipts`, {
    key: DEMO_KEYS.service,
    body: { quantity: { value, unit: 'EA' } },
    headers: { 'idempotency-key': key },
  });
const wmsGet = (path: string) => env.wms.request('GET', path, { key: DEMO_KEYS.planner });

/**
 * The sandbox postings of one transfer: WMS by its reference / transfer order, ERP pickings by
 * reference. A stock transport order is the P100 picking created with a destination plant
 * (`x_dest_plant`); goods movements reference it by number (`x_stock_transport`).
 */
async function effects(id: string, transferOrder?: string) {
  const ref = `TRF-${id}`;
  const wms = await env.sandbox.ledger({ system: 'wms' });
  const text = (e: { payload?: unknown }) => JSON.stringify(e.payload ?? null);
  const mine = (e: { payload?: unknown }) => text(e).includes(ref);
  const reservations = wms.filter((e) => e.operation === 'reservation.create' && mine(e));
  const reservationIds = new Set(reservations.map((e) => e.businessKey));
  const orders = wms.filter((e) => e.operation === 'transfer-order.create' && mine(e));
  const orderIds = new Set([...orders.map((e) => e.businessKey), ...(transferOrder ? [transferOrder] : [])]);
  const erp = await env.sandbox.ledger({ system: 'erp' });
  const creates = erp.filter((e) => e.operation === 'stock.picking.create' && mine(e));
  const stos = creates.filter((e) => e.plant === 'P100' && text(e).includes('x_dest_plant'));
  const stoNumbers = new Set(stos.map((e) => e.businessKey));
  const movements = creates.filter((e) => !stos.includes(e));
  const referencesSto = (e: { payload?: unknown }) => [...stoNumbers].some((n) => text(e).includes(`"x_stock_transport":"${n}"`));
  const count = (op: string) => wms.filter((e) => e.operation === op && orderIds.has(e.businessKey)).length;
  const onSto = (op: string) => erp.filter((e) => e.plant === 'P100' && e.operation === op && stoNumbers.has(e.businessKey)).length;
  return {
    reservationsCreated: reservations.length,
    reservationsCancelled: wms.filter((e) => e.operation === 'reservation.cancel' && reservationIds.has(e.businessKey)).length,
    stockTransportsCreated: stos.length,
    stockTransportsCancelled: onSto('stock.picking.action_cancel'),
    stockTransportsClosed: onSto('stock.picking.plantsync_close_transport'),
    transferOrdersCreated: orders.length,
    transferOrdersCancelled: count('transfer-order.cancel'),
    picked: count('transfer-order.pick'),
    shipped: count('transfer-order.ship'),
    received: count('transfer-order.receive'),
    erpIssues: movements.filter((e) => e.plant === 'P100').length,
    erpReceipts: movements.filter((e) => e.plant === 'P300').length,
    /** Goods movements that name the transfer's STO. */
    postingsReferencingSto: movements.filter(referencesSto).length,
  };
}

const wmsReservation = (id: string) => env.wms.request('GET', `/v1/plants/P100/reservations/${id}`, { key: planner });
const wmsTransferOrder = (id: string) => env.wms.request('GET', `/v1/plants/P100/transfer-orders/${id}`, { key: planner });
const erpStockTransports = (id: string) => env.erp.request('GET', `/v1/plants/P100/stock-transports?reference=TRF-${id}`, { key: planner });

async function eventsOf(id: string): Promise<string[]> {
  const rows = await env.app.get(DataSource).getRepository(OutboxEvent).find({ order: { createdAt: 'ASC' } });
  return rows.filter((r) => JSON.stringify(r).includes(id)).map((r) => r.type.replace('io.plantsync.inventory-transfer.', ''));
}

describe('a P100 → P300 inventory transfer', () => {
  it('moves a lot through in transit (visible at P300) to received, with one posting of each kind', async () => {
    const stock = await wmsGet('/v1/plants/P100/stock?item=BRG-6205&status=unrestricted');
    const lot: string = stock.body.items.find((b: any) => Number(b.quantity.value) >= 40).lot;
    const p300Before = (await wmsGet('/v1/plants/P300/availability?item=BRG-6205')).body;

    const res = await requestTransfer({
      item: 'BRG-6205',
      quantity: { value: '40', unit: 'EA' },
      lot,
      fromPlant: 'P100',
      toPlant: 'P300',
      reason: 'Cover the bearing shortage on the P300 gearbox line',
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/v1/inventory-transfers/${res.body.id}`);
    const id: string = res.body.id;

    const inTransit = await settle(id, (t) => t.status === 'in_transit' || TERMINAL.includes(t.status));
    expect(inTransit.status).toBe('in_transit');
    expect(inTransit.quantities).toEqual({
      requested: { value: '40', unit: 'EA' },
      shipped: { value: '40', unit: 'EA' },
      received: { value: '0', unit: 'EA' },
    });
    // The destination sees it coming, without being able to promise it.
    const p300InTransit = (await wmsGet('/v1/plants/P300/availability?item=BRG-6205')).body;
    expect(Number(p300InTransit.inTransit.value) - Number(p300Before.inTransit.value)).toBe(40);
    expect(p300InTransit.availableToPromise).toEqual(p300Before.availableToPromise);
    const transit = await wmsGet(`/v1/plants/P300/stock?item=BRG-6205&status=in_transit&lot=${lot}`);
    expect(transit.body.items.map((b: any) => b.quantity.value)).toEqual(['40']);

    const received = await receive(id, '40');
    expect(received.status).toBe(201);
    const done = await settle(id);
    expect(done.status).toBe('completed');
    expect(done.lot).toBe(lot);
    expect(done.quantities.received).toEqual({ value: '40', unit: 'EA' });
    expect(done.steps.map((s: any) => [s.name, s.status])).toEqual([
      ['validate-transfer', 'done'],
      ['check-source-availability', 'done'],
      ['reserve-source-stock', 'done'],
      ['create-stock-transport', 'done'],
      ['create-transfer-order', 'done'],
      ['pick-transfer', 'done'],
      ['ship-transfer', 'done'],
      ['receive-transfer', 'done'],
      ['post-goods-issue', 'done'],
      ['post-goods-receipt', 'done'],
    ]);
    for (const s of done.steps) expect(Date.parse(s.finishedAt)).toBeGreaterThanOrEqual(Date.parse(s.startedAt));
    expect(done.goodsIssue).toBeDefined();
    expect(done.goodsReceipt).toBeDefined();

    // The lot arrived as unrestricted stock at the destination location.
    const arrived = await wmsGet(`/v1/plants/P300/stock?item=BRG-6205&status=unrestricted&lot=${lot}&location=${done.toLocation}`);
    expect(arrived.body.items.map((b: any) => b.quantity.value)).toEqual(['40']);

    expect(await effects(id, done.transferOrder)).toEqual({
      reservationsCreated: 1,
      reservationsCancelled: 0, // handed over to the transfer order, never released before it
      stockTransportsCreated: 1,
      stockTransportsCancelled: 0,
      stockTransportsClosed: 1, // by the goods issue
      transferOrdersCreated: 1,
      transferOrdersCancelled: 0,
      picked: 1,
      shipped: 1,
      received: 1,
      erpIssues: 1,
      erpReceipts: 1,
      postingsReferencingSto: 2,
    });
    // The reservation went into the transfer order and was used up by the shipment.
    const reservation = (await wmsReservation(done.reservation)).body;
    expect(reservation).toMatchObject({ status: 'consumed', transferOrder: done.transferOrder });
    expect((await wmsTransferOrder(done.transferOrder)).body.reservation).toBe(done.reservation);
    // The ERP's stock transport order, shipped by the goods issue, is the one the transfer shows.
    const transports = (await erpStockTransports(id)).body;
    expect(transports).toEqual([
      expect.objectContaining({ number: done.stockTransport, plant: 'P100', toPlant: 'P300', item: 'BRG-6205', lot, status: 'shipped', quantity: { value: '40', unit: 'EA' } }),
    ]);
    await until(
      async () => ({ status: 200, headers: new Headers(), body: await eventsOf(id) }),
      (types) => types.length >= 4,
    );
    expect(await eventsOf(id)).toEqual(['requested.v1', 'shipped.v1', 'received.v1', 'completed.v1']);
  });

  it('takes partial receipts, refuses an over-receipt with 409 and completes when everything arrived', async () => {
    const id = (await requestTransfer({ item: 'BRG-6205', quantity: { value: '25', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Partial receipt drill' })).body.id;
    await settle(id, (t) => t.status === 'in_transit' || TERMINAL.includes(t.status));

    expect((await receive(id, '10')).status).toBe(201);
    const partial = (await transfer(id)).body;
    expect(partial.status).toBe('partially_received');
    expect(partial.quantities.received).toEqual({ value: '10', unit: 'EA' });

    const over = await receive(id, '20');
    expect(over.status).toBe(409);
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    expect(over.body.type).toMatch(/over-receipt$/);

    // The same receipt retried with its key is applied once.
    const key = randomUUID();
    expect((await receive(id, '5', key)).status).toBe(201);
    expect((await receive(id, '5', key)).status).toBe(201);
    expect((await transfer(id)).body.quantities.received).toEqual({ value: '15', unit: 'EA' });

    expect((await receive(id, '10')).status).toBe(201);
    const done = await settle(id);
    expect(done.status).toBe('completed');
    expect(done.receipts.map((r: any) => r.quantity.value)).toEqual(['10', '5', '10']);
    expect(done.receipts.map((r: any) => r.receivedTotal.value)).toEqual(['10', '15', '25']);
    const fx = await effects(id, done.transferOrder);
    expect(fx.received).toBe(3);
    expect(fx.erpIssues).toBe(1);
    expect(fx.erpReceipts).toBe(1);
  });
});

describe('refusals before anything moves', () => {
  it('refuses stock under quality inspection with a clear reason and reserves nothing', async () => {
    const id = (
      await requestTransfer({ item: 'BRG-6204', quantity: { value: '10', unit: 'EA' }, fromPlant: 'P100', fromLocation: 'P100-QI', toPlant: 'P300', reason: 'Try to move QI stock' })
    ).body.id;
    const failed = await settle(id);
    expect(failed.status).toBe('failed');
    expect(failed.failure.step).toBe('check-source-availability');
    expect(failed.failure.code).toBe('stock-not-transferable');
    expect(failed.failure.reason).toMatch(/80 EA under quality inspection .*never transferable/);
    expect((await effects(id)).reservationsCreated).toBe(0);
  });

  it('refuses a quantity beyond available-to-promise', async () => {
    const id = (await requestTransfer({ item: 'BRG-6205', quantity: { value: '99999', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Too much' })).body.id;
    const failed = await settle(id);
    expect(failed.status).toBe('failed');
    expect(failed.failure.code).toBe('insufficient-stock');
    expect(failed.failure.reason).toMatch(/available to promise, 99999 EA requested/);
    expect((await effects(id)).reservationsCreated).toBe(0);
  });

  it('refuses an item the destination does not carry', async () => {
    const id = (await requestTransfer({ item: 'PCB-ACT-CTRL', quantity: { value: '1', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Not carried at P300' })).body.id;
    const failed = await settle(id);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatchObject({ step: 'validate-transfer', code: 'item-not-at-plant' });
    expect(failed.failure.reason).toContain('P300');
  });

  it('a refusal after the reservation compensates: the reservation ends cancelled, nothing ships', async () => {
    const id = (
      await requestTransfer({ item: 'BRG-6205', quantity: { value: '5', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', toLocation: 'P300-NOWHERE', reason: 'Unknown destination location' })
    ).body.id;
    const failed = await settle(id);
    expect(failed.status).toBe('failed');
    expect(failed.failure.step).toBe('create-transfer-order');
    expect(failed.compensations).toEqual([
      expect.objectContaining({ action: 'cancel-reservation', status: 'done' }),
      expect.objectContaining({ action: 'cancel-stock-transport', status: 'done' }),
      expect.objectContaining({ action: 'cancel-transfer-order', status: 'done' }),
    ]);
    expect(failed.steps.find((s: any) => s.name === 'reserve-source-stock').status).toBe('compensated');
    expect(failed.steps.find((s: any) => s.name === 'create-stock-transport').status).toBe('compensated');
    const fx = await effects(id);
    expect(fx).toMatchObject({
      reservationsCreated: 1,
      reservationsCancelled: 1,
      stockTransportsCreated: 1,
      stockTransportsCancelled: 1,
      transferOrdersCreated: 0,
      transferOrdersCancelled: 0,
    });
    expect((await erpStockTransports(id)).body.map((t: any) => t.status)).toEqual(['cancelled']);
    const reservation = await env.wms.request('GET', `/v1/plants/P100/reservations/${failed.reservation}`, { key: DEMO_KEYS.planner });
    expect(reservation.body.status).toBe('cancelled');
    await until(
      async () => ({ status: 200, headers: new Headers(), body: await eventsOf(id) }),
      (types) => types.includes('failed.v1'),
    );
  });

  it('an ERP that stays down before shipping fails the transfer after its retries, with nothing to undo', async () => {
    await env.sandbox.setFault('P300', 'erp', { errorRate: 1 });
    try {
      const id = (await requestTransfer({ item: 'BRG-6205', quantity: { value: '3', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'ERP down' })).body.id;
      const failed = await settle(id);
      expect(failed.status).toBe('failed');
      expect(failed.failure.step).toBe('validate-transfer');
      expect(failed.steps[0].attempts).toBe(3);
      expect((await effects(id)).reservationsCreated).toBe(0);
    } finally {
      await env.sandbox.clearFaults();
    }
  });
});

describe('after shipping', () => {
  it('a failure becomes an exception for a person, nothing is reversed; a planner retries it to completion', async () => {
    const id = (await requestTransfer({ item: 'BRG-6205', quantity: { value: '12', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Exception drill' })).body.id;
    const shipped = await settle(id, (t) => t.status === 'in_transit' || TERMINAL.includes(t.status));
    expect(shipped.status).toBe('in_transit');
    expect((await env.request('DELETE', `/v1/inventory-transfers/${id}`, { key: planner })).status).toBe(409);

    await env.sandbox.setFault('P100', 'erp', { errorRate: 1 });
    try {
      expect((await receive(id, '12')).status).toBe(201);
      const exception = await settle(id);
      expect(exception.status).toBe('exception');
      expect(exception.failure.step).toBe('post-goods-issue');
      expect(exception.failure.reason).toBeTruthy();
      expect(exception.compensations.every((c: any) => c.status === 'pending')).toBe(true);
      const fx = await effects(id, exception.transferOrder);
      expect(fx).toMatchObject({ reservationsCancelled: 0, stockTransportsCancelled: 0, transferOrdersCancelled: 0, shipped: 1, received: 1, erpIssues: 0 });
      // Cancel stays refused; the goods are at P300.
      expect((await env.request('DELETE', `/v1/inventory-transfers/${id}`, { key: planner })).status).toBe(409);
      expect((await env.request('GET', '/v1/inventory-transfers?status=exception&plant=P300', { key: planner })).body.map((t: any) => t.id)).toContain(id);
    } finally {
      await env.sandbox.clearFaults();
    }
    const retried = await env.request('POST', `/v1/inventory-transfers/${id}/retry`, { key: planner });
    expect(retried.status).toBe(202);
    const done = await settle(id, (t) => t.status === 'completed' || t.status === 'failed');
    expect(done.status).toBe('completed');
    const fx = await effects(id, done.transferOrder);
    expect(fx).toMatchObject({ erpIssues: 1, erpReceipts: 1, reservationsCancelled: 0, stockTransportsCreated: 1, stockTransportsClosed: 1, postingsReferencingSto: 2 });
    expect((await env.request('POST', `/v1/inventory-transfers/${id}/retry`, { key: planner })).status).toBe(409);
  });
});

describe('cancel before shipping', () => {
  it('cancels the reservation and ends cancelled', async () => {
    await env.sandbox.setFault('P100', 'wms', { latencyMs: 700 });
    try {
      const id = (await requestTransfer({ item: 'BRG-6205', quantity: { value: '2', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Changed our mind' })).body.id;
      const cancel = await env.request('DELETE', `/v1/inventory-transfers/${id}`, { key: planner });
      expect(cancel.status).toBe(202);
      const done = await settle(id);
      expect(done.status).toBe('cancelled');
      const fx = await effects(id, done.transferOrder);
      expect(fx.shipped).toBe(0);
      expect(fx.reservationsCreated).toBe(fx.reservationsCancelled);
    } finally {
      await env.sandbox.clearFaults();
    }
  });

  it('after the transfer order exists: cancels the transfer order (releasing its reservation) and the stock transport order; nothing left open', async () => {
    // Slow WMS: the pick takes almost two seconds, so the cancel lands while the transfer order is open,
    // a margin well above the status polling (a timed-out pick is retried, which only widens it).
    await env.sandbox.setFault('P100', 'wms', { latencyMs: 1800 }); // under P100's 2 s WMS timeout
    const id: string = (await requestTransfer({ item: 'BRG-6205', quantity: { value: '3', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Line stopped at P300' })).body.id;
    try {
      await settle(id, (t) => Boolean(t.transferOrder) || TERMINAL.includes(t.status));
      expect((await env.request('DELETE', `/v1/inventory-transfers/${id}`, { key: planner })).status).toBe(202);
    } finally {
      await env.sandbox.clearFaults();
    }
    const done = await settle(id);
    expect(done.status).toBe('cancelled');
    expect(done.compensations.map((c: any) => [c.action, c.status])).toEqual([
      ['cancel-reservation', 'done'],
      ['cancel-stock-transport', 'done'],
      ['cancel-transfer-order', 'done'],
    ]);
    expect(await effects(id, done.transferOrder)).toMatchObject({
      reservationsCreated: 1,
      reservationsCancelled: 0, // released by the transfer order's cancel, not on its own
      stockTransportsCreated: 1,
      stockTransportsCancelled: 1,
      transferOrdersCreated: 1,
      transferOrdersCancelled: 1,
      shipped: 0,
      erpIssues: 0,
    });
    expect((await wmsTransferOrder(done.transferOrder)).body.status).toBe('cancelled');
    expect((await wmsReservation(done.reservation)).body).toMatchObject({ status: 'cancelled', transferOrder: done.transferOrder });
    expect((await erpStockTransports(id)).body.map((t: any) => t.status)).toEqual(['cancelled']);
  });
});

describe('idempotency', () => {
  const body = { item: 'BRG-6205', quantity: { value: '1', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Idempotency drill' };

  it('the same Idempotency-Key twice in a row answers one transfer', async () => {
    const key = randomUUID();
    const first = await requestTransfer(body, key);
    const second = await requestTransfer(body, key);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    const shipped = await settle(first.body.id, (t) => t.status === 'in_transit' || TERMINAL.includes(t.status));
    expect(shipped.status).toBe('in_transit');
    expect(await effects(first.body.id, shipped.transferOrder)).toMatchObject({
      reservationsCreated: 1,
      stockTransportsCreated: 1,
      transferOrdersCreated: 1,
      picked: 1,
      shipped: 1,
    });
  });

  it('the same Idempotency-Key twice at once starts one saga', async () => {
    const key = randomUUID();
    const answers = await Promise.all([requestTransfer({ ...body, reason: 'Concurrent drill' }, key), requestTransfer({ ...body, reason: 'Concurrent drill' }, key)]);
    expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([202]));
    for (const a of answers) expect([202, 409]).toContain(a.status);
    const ids = new Set(answers.filter((a) => a.status === 202).map((a) => a.body.id));
    expect(ids.size).toBe(1);
    const list = (await env.request('GET', '/v1/inventory-transfers?plant=P100', { key: planner })).body;
    expect(list.filter((t: any) => t.reason === 'Concurrent drill')).toHaveLength(1);
  });
});

describe('errors are problem+json', () => {
  const body = { item: 'BRG-6205', quantity: { value: '1', unit: 'EA' }, fromPlant: 'P100', toPlant: 'P300', reason: 'Errors' };

  it('401 without a key, 403 for a MES key', async () => {
    const anonymous = await env.request('POST', '/v1/inventory-transfers', { body, headers: { 'idempotency-key': randomUUID() } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const mes = await env.request('GET', '/v1/inventory-transfers', { key: DEMO_KEYS.mesP100 });
    expect(mes.status).toBe(403);
    expect(mes.headers.get('content-type')).toContain('application/problem+json');
  });

  it('400 for a missing Idempotency-Key, an invalid body, the same plant twice', async () => {
    const noKey = await env.request('POST', '/v1/inventory-transfers', { key: planner, body });
    expect(noKey.status).toBe(400);
    const invalid = await requestTransfer({ ...body, quantity: { value: 'ten', unit: 'EA' } });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    const samePlant = await requestTransfer({ ...body, toPlant: 'P100' });
    expect(samePlant.status).toBe(400);
    expect(samePlant.body.detail).toContain('two plants');
  });

  it('404 for an unknown transfer', async () => {
    const missing = await env.request('GET', `/v1/inventory-transfers/${randomUUID()}`, { key: planner });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.type).toMatch(/inventory-transfer-not-found$/);
  });
});
