import { randomUUID } from 'node:crypto';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { qty } from './wms-fixtures';

/**
 * A transfer order that takes over a reservation (docs/wms-contract.md, "Reservation hand-over")
 * and the cancel of a transfer order that has not shipped, through wms-api, the rest-wms connector
 * and the sandbox WMS; every effect counted in the sandbox ledger.
 */
describe('wms-api: transfer orders take over reservations; cancel before shipping', () => {
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

  const post = (path: string, body?: unknown, idempotencyKey: string = randomUUID()) =>
    api.request('POST', path, { key: DEMO_KEYS.planner, body, headers: { 'idempotency-key': idempotencyKey } });
  const get = (path: string) => api.request('GET', path, { key: DEMO_KEYS.planner });
  const atRm = async () => (await get('/v1/plants/P100/availability?item=BRG-6205&location=P100-RM')).body;
  const reserve = (quantity: string, reference: string) =>
    post('/v1/plants/P100/reservations', { item: 'BRG-6205', quantity: qty(quantity), location: 'P100-RM', reference });
  const order = (quantity: string, reference: string, reservation?: string) => ({
    item: 'BRG-6205',
    quantity: qty(quantity),
    fromLocation: 'P100-RM',
    toPlant: 'P300',
    toLocation: 'P300-RM',
    reference,
    ...(reservation ? { reservation } : {}),
  });
  const ledger = (operation: string, businessKey: string) => sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation, businessKey });

  let shippedOrder = '';

  it('cancels an order that has not shipped and releases the reservation it took over; a second cancel posts nothing', async () => {
    const before = await atRm();
    const reference = 'TRF-e2e-handover-cancel';
    const rsv = (await reserve('5', reference)).body.id as string;
    const to = (await post('/v1/plants/P100/transfer-orders', order('5', reference, rsv))).body.id as string;
    expect((await post(`/v1/plants/P100/transfer-orders/${to}/pick`)).body.status).toBe('picked');

    const cancelled = await post(`/v1/plants/P100/transfer-orders/${to}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: to, status: 'cancelled', reservation: rsv });
    expect((await get(`/v1/plants/P100/reservations/${rsv}`)).body.status).toBe('cancelled');
    expect((await atRm()).availableToPromise).toEqual(before.availableToPromise);

    const again = await post(`/v1/plants/P100/transfer-orders/${to}/cancel`);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('cancelled');
    expect(await ledger('transfer-order.cancel', to)).toBe(1);
    expect((await post(`/v1/plants/P100/transfer-orders/${to}/ship`)).status).toBe(409);
  });

  it('answers 400 problem+json for an unknown reservation, one of another demand, or a malformed id; 404 for an unknown order', async () => {
    const unknown = await post('/v1/plants/P100/transfer-orders', order('1', 'TRF-e2e-bad', 'RSV-P100-999999'));
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body.type).toMatch(/unknown-reservation$/);
    expect(unknown.body.detail).toContain('RSV-P100-999999');

    const rsv = (await reserve('2', 'TRF-e2e-mismatch')).body.id as string;
    const mismatch = await post('/v1/plants/P100/transfer-orders', order('3', 'TRF-e2e-mismatch', rsv));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.type).toMatch(/reservation-mismatch$/);
    expect(mismatch.body.detail).toContain('quantity 2 EA');
    expect((await get(`/v1/plants/P100/reservations/${rsv}`)).body).toMatchObject({ status: 'open' });
    expect((await get(`/v1/plants/P100/reservations/${rsv}`)).body.transferOrder).toBeUndefined();

    const malformed = await post('/v1/plants/P100/transfer-orders', order('1', 'TRF-e2e-bad', 'not a code!'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toMatch(/validation-failed$/);
    expect(JSON.stringify(malformed.body.errors)).toContain('reservation');

    const missing = await post('/v1/plants/P100/transfer-orders/TO-P100-999999/cancel');
    expect(missing.status).toBe(404);
    expect(missing.body.type).toMatch(/transfer-order-not-found$/);
  });

  // Runs after the tests above: it ships everything P100-RM can promise.
  it('takes over a reservation of everything available: no other demand can get the stock until ship consumes the reservation', async () => {
    const before = await atRm();
    const all = before.availableToPromise.value as string;
    expect(Number(all)).toBeGreaterThan(0);
    const reference = 'TRF-e2e-handover-all';
    const reservation = await reserve(all, reference);
    expect(reservation.status).toBe(201);
    const rsv = reservation.body.id as string;

    // Without the hand-over this order would refuse itself: our own reservation leaves no ATP.
    const key = randomUUID();
    const created = await post('/v1/plants/P100/transfer-orders', order(all, reference, rsv), key);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'created', reservation: rsv });
    const to = created.body.id as string;
    expect((await post('/v1/plants/P100/transfer-orders', order(all, reference, rsv), key)).body.id).toBe(to);
    expect(await ledger('transfer-order.create', to)).toBe(1);

    // The reservation now belongs to the order: still holding the stock, not cancellable alone, not takeable twice.
    expect((await get(`/v1/plants/P100/reservations/${rsv}`)).body).toMatchObject({ status: 'open', transferOrder: to });
    const cancelAlone = await post(`/v1/plants/P100/reservations/${rsv}/cancel`);
    expect(cancelAlone.status).toBe(409);
    expect(cancelAlone.headers.get('content-type')).toContain('application/problem+json');
    expect(cancelAlone.body.type).toMatch(/invalid-state$/);
    expect(cancelAlone.body.detail).toContain(to);
    const twice = await post('/v1/plants/P100/transfer-orders', order(all, 'TRF-e2e-handover-twice', rsv));
    expect(twice.status).toBe(409);
    expect(twice.body.type).toMatch(/invalid-state$/);
    const other = await reserve('1', 'MO-P100-000031');
    expect(other.status).toBe(409);
    expect(other.body.type).toMatch(/insufficient-stock$/);
    expect((await atRm()).availableToPromise).toEqual(qty('0'));

    expect((await post(`/v1/plants/P100/transfer-orders/${to}/pick`)).body.status).toBe('picked');
    expect((await post(`/v1/plants/P100/transfer-orders/${to}/ship`)).body.status).toBe('shipped');
    expect((await get(`/v1/plants/P100/reservations/${rsv}`)).body).toMatchObject({ status: 'consumed', transferOrder: to });
    const after = await atRm();
    expect(after.reserved).toEqual(before.reserved);
    expect(Number(after.unrestricted.value)).toBe(Number(before.unrestricted.value) - Number(all));
    expect(await ledger('reservation.cancel', reference)).toBe(0);
    shippedOrder = to;
  });

  it('refuses to cancel a shipped order: 409 invalid-state as problem+json', async () => {
    expect(shippedOrder).not.toBe('');
    const res = await post(`/v1/plants/P100/transfer-orders/${shippedOrder}/cancel`);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.type).toMatch(/invalid-state$/);
    expect(await ledger('transfer-order.cancel', shippedOrder)).toBe(0);
  });
});
