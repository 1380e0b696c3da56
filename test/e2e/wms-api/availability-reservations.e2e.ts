import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { qty, seededStock } from './wms-fixtures';

describe('wms-api: availability and reservations', () => {
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

  const availability = async (plant: string, item: string, key: string = DEMO_KEYS.planner) =>
    api.request('GET', `/v1/plants/${plant}/availability?item=${item}`, { key });

  it('lets a planner check a component at P200 Monterrey, reserve it and see the posting in the WMS ledger', async () => {
    const before = await availability('P200', 'BRKT-1042');
    expect(before.status).toBe(200);
    const onHand = seededStock('P200', 'BRKT-1042', 'unrestricted');
    expect(before.body).toMatchObject({ plant: 'P200', item: 'BRKT-1042', unrestricted: qty(onHand), reserved: qty('0'), availableToPromise: qty(onHand) });

    const reserved = await api.request('POST', '/v1/plants/P200/reservations', {
      key: DEMO_KEYS.planner,
      headers: { 'idempotency-key': 'e2e-reserve-brkt-1042', 'x-correlation-id': 'e2e-headline-1' },
      body: { item: 'BRKT-1042', quantity: qty('120'), location: 'P200-RM', reference: 'MO-P200-000118' },
    });
    expect(reserved.status).toBe(201);
    expect(reserved.body).toMatchObject({ plant: 'P200', item: 'BRKT-1042', quantity: qty('120'), status: 'open', reference: 'MO-P200-000118' });
    expect(reserved.body.id).toMatch(/^RSV-P200-\d{6}$/);

    const after = await availability('P200', 'BRKT-1042');
    expect(after.body).toMatchObject({ reserved: qty('120'), availableToPromise: qty(String(Number(onHand) - 120)) });

    const ledger = await sandbox.ledger({ plant: 'P200', system: 'wms', operation: 'reservation.create', businessKey: 'MO-P200-000118' });
    expect(ledger).toHaveLength(1);
    expect(ledger[0].correlationId).toBe('e2e-headline-1');

    const fetched = await api.request('GET', `/v1/plants/P200/reservations/${reserved.body.id}`, { key: DEMO_KEYS.service });
    expect(fetched.body).toEqual(reserved.body);
  });

  it('never counts lots in quality inspection or blocked stock towards available-to-promise', async () => {
    const res = await availability('P200', 'STL-S355-5MM');
    expect(res.status).toBe(200);
    const unrestricted = seededStock('P200', 'STL-S355-5MM', 'unrestricted');
    const inQi = seededStock('P200', 'STL-S355-5MM', 'quality_inspection');
    expect(Number(inQi)).toBeGreaterThan(0);
    expect(res.body).toMatchObject({
      unrestricted: qty(unrestricted, 'KG'),
      qualityInspection: qty(inQi, 'KG'),
      availableToPromise: qty(unrestricted, 'KG'),
    });
    expect(res.body.balances).toContainEqual(expect.objectContaining({ location: 'P200-QI', stockStatus: 'quality_inspection' }));

    const blocked = await availability('P200', 'MTR-400V-750');
    expect(blocked.body.blocked).toEqual(qty(seededStock('P200', 'MTR-400V-750', 'blocked')));
    expect(blocked.body.availableToPromise).toEqual(qty(seededStock('P200', 'MTR-400V-750', 'unrestricted')));
  });

  it('refuses a reservation that ATP does not cover with 409 insufficient-stock naming item, requested and available', async () => {
    const atp = (await availability('P200', 'GSK-3100')).body.availableToPromise.value as string;
    const res = await api.request('POST', '/v1/plants/P200/reservations', {
      key: DEMO_KEYS.planner,
      body: { item: 'GSK-3100', quantity: qty(String(Number(atp) + 5)), reference: 'MO-P200-000130' },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: expect.stringMatching(/\/insufficient-stock$/),
      item: 'GSK-3100',
      requested: qty(String(Number(atp) + 5)),
      available: qty(atp),
    });
    expect(await sandbox.ledgerCount({ operation: 'reservation.create', businessKey: 'MO-P200-000130' })).toBe(0);
  });

  it('posts a reservation exactly once when the same Idempotency-Key is sent twice, and 422 with another body', async () => {
    const body = { item: 'SEAL-2535', quantity: qty('300'), reference: 'MO-P200-000131' };
    const send = (b: unknown) =>
      api.request('POST', '/v1/plants/P200/reservations', { key: DEMO_KEYS.planner, headers: { 'idempotency-key': 'e2e-reserve-seal-1' }, body: b });
    const first = await send(body);
    const second = await send(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.create', businessKey: 'MO-P200-000131' })).toBe(1);

    const other = await send({ ...body, quantity: qty('301') });
    expect(other.status).toBe(422);
    expect(other.body.type).toMatch(/idempotency-key-reused$/);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.create', businessKey: 'MO-P200-000131' })).toBe(1);
  });

  it('gives the quantity back to available-to-promise when the reservation is cancelled', async () => {
    const before = (await availability('P200', 'NUT-M6')).body.availableToPromise;
    const created = await api.request('POST', '/v1/plants/P200/reservations', {
      key: DEMO_KEYS.service,
      body: { item: 'NUT-M6', quantity: qty('250'), reference: 'MO-P200-000132' },
    });
    expect((await availability('P200', 'NUT-M6')).body.availableToPromise).toEqual(qty(String(Number(before.value) - 250)));

    const cancel = () =>
      api.request('POST', `/v1/plants/P200/reservations/${created.body.id}/cancel`, {
        key: DEMO_KEYS.service,
        headers: { 'idempotency-key': 'e2e-cancel-nut-1' },
      });
    const cancelled = await cancel();
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await cancel()).body).toEqual(cancelled.body);
    expect((await availability('P200', 'NUT-M6')).body.availableToPromise).toEqual(before);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.cancel', businessKey: 'MO-P200-000132' })).toBe(1);
  });

  it('answers 400 listing every bad field', async () => {
    const res = await api.request('POST', '/v1/plants/P200/reservations', {
      key: DEMO_KEYS.planner,
      body: { item: 'bad item!', quantity: { value: '1.5e3', unit: 'EA' }, color: 'red' },
    });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['item', 'quantity.value', 'reference', 'color']));

    const zero = await api.request('POST', '/v1/plants/P200/reservations', {
      key: DEMO_KEYS.planner,
      body: { item: 'NUT-M6', quantity: qty('0'), reference: 'MO-P200-000133' },
    });
    expect(zero.status).toBe(400);
    expect(zero.body.errors).toEqual([expect.objectContaining({ field: 'quantity.value' })]);

    const noItem = await api.request('GET', '/v1/plants/P200/availability', { key: DEMO_KEYS.planner });
    expect(noItem.status).toBe(400);
    expect(noItem.body.errors).toEqual([expect.objectContaining({ field: 'item' })]);
  });

  it('answers 401 without an API key and with an unknown one', async () => {
    expect((await api.request('GET', '/v1/plants/P200/availability?item=BRKT-1042')).status).toBe(401);
    expect((await availability('P200', 'BRKT-1042', 'ps_not_a_key')).status).toBe(401);
  });

  it("lets an MES read its own plant's availability but nothing else (403)", async () => {
    expect((await availability('P200', 'BRKT-1042', DEMO_KEYS.mesP200)).status).toBe(200);
    const otherPlant = await availability('P100', 'BRKT-1042', DEMO_KEYS.mesP200);
    expect(otherPlant.status).toBe(403);
    expect(otherPlant.body.type).toMatch(/plant-out-of-scope$/);
    const reserve = await api.request('POST', '/v1/plants/P200/reservations', {
      key: DEMO_KEYS.mesP200,
      body: { item: 'BRKT-1042', quantity: qty('1'), reference: 'MO-P200-000134' },
    });
    expect(reserve.status).toBe(403);
    expect((await availability('P200', 'BRKT-1042', DEMO_KEYS.supplier1001)).status).toBe(403);
    expect(await sandbox.ledgerCount({ businessKey: 'MO-P200-000134' })).toBe(0);
  });

  it('answers 404 for a plant outside the landscape and for an unknown reservation', async () => {
    const plant = await availability('P999', 'BRKT-1042');
    expect(plant.status).toBe(404);
    expect(plant.body.type).toMatch(/plant-not-found$/);
    const reservation = await api.request('GET', '/v1/plants/P200/reservations/RSV-P200-999999', { key: DEMO_KEYS.planner });
    expect(reservation.status).toBe(404);
    expect(reservation.body.type).toMatch(/reservation-not-found$/);
  });
});
