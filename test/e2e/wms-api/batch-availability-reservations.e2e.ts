import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { qty } from './wms-fixtures';

/**
 * A production order's components in one call each: availability of every item
 * (`GET availability/batch`) and every reservation all or none (`POST reservations/batch`).
 */
describe('wms-api: availability and reservations of several items at once', () => {
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

  const single = async (plant: string, item: string) =>
    (await api.request('GET', `/v1/plants/${plant}/availability?item=${item}`, { key: DEMO_KEYS.planner })).body;
  const batchAvailability = (plant: string, items: string, key: string = DEMO_KEYS.planner) =>
    api.request('GET', `/v1/plants/${plant}/availability/batch?items=${items}`, { key });
  const reserveBatch = (body: unknown, idempotencyKey?: string, key: string = DEMO_KEYS.service) =>
    api.request('POST', '/v1/plants/P200/reservations/batch', {
      key,
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
      body,
    });
  const atpOf = async (item: string) => Number((await single('P200', item)).availableToPromise.value);

  it('answers the same figures as one availability call per item, in the order asked, each item once', async () => {
    const res = await batchAvailability('P200', 'SEAL-2535,BRKT-1042,STL-S355-5MM,BRKT-1042');
    expect(res.status).toBe(200);
    expect(res.body.items.map((a: { item: string }) => a.item)).toEqual(['SEAL-2535', 'BRKT-1042', 'STL-S355-5MM']);
    expect(res.body.items).toEqual([await single('P200', 'SEAL-2535'), await single('P200', 'BRKT-1042'), await single('P200', 'STL-S355-5MM')]);
  });

  it('answers 404 naming an item the WMS does not know, 400 for a bad item list, 403 for another plant’s MES', async () => {
    const unknown = await batchAvailability('P200', 'BRKT-1042,NO-SUCH-ITEM-9');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body.detail).toContain('NO-SUCH-ITEM-9');

    const bad = await batchAvailability('P200', 'BRKT-1042,bad item!');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'items' })]);
    const none = await api.request('GET', '/v1/plants/P200/availability/batch', { key: DEMO_KEYS.planner });
    expect(none.status).toBe(400);

    expect((await batchAvailability('P200', 'BRKT-1042', DEMO_KEYS.mesP200)).status).toBe(200);
    expect((await batchAvailability('P100', 'BRKT-1042', DEMO_KEYS.mesP200)).status).toBe(403);
  });

  it('reserves every line for the reference, one WMS posting per line in the ledger, and lowers each item’s availability', async () => {
    const before = { brkt: await atpOf('BRKT-1042'), seal: await atpOf('SEAL-2535') };
    const res = await reserveBatch(
      { reference: 'MO-P200-000150', lines: [{ item: 'BRKT-1042', quantity: qty('12') }, { item: 'SEAL-2535', quantity: qty('30') }] },
      'e2e-batch-150',
    );
    expect(res.status).toBe(201);
    expect(res.body.reservations).toEqual([
      expect.objectContaining({ plant: 'P200', item: 'BRKT-1042', quantity: qty('12'), reference: 'MO-P200-000150', status: 'open' }),
      expect.objectContaining({ plant: 'P200', item: 'SEAL-2535', quantity: qty('30'), reference: 'MO-P200-000150', status: 'open' }),
    ]);
    expect(await atpOf('BRKT-1042')).toBe(before.brkt - 12);
    expect(await atpOf('SEAL-2535')).toBe(before.seal - 30);

    const ledger = await sandbox.ledger({ plant: 'P200', system: 'wms', operation: 'reservation.create', businessKey: 'MO-P200-000150' });
    expect(ledger.map((e) => (e.payload as { body: { itemNumber: string } }).body.itemNumber)).toEqual(['BRKT-1042', 'SEAL-2535']);

    // Each reservation is an ordinary one: readable and cancellable on its own.
    const [first] = res.body.reservations as Array<{ id: string }>;
    expect((await api.request('GET', `/v1/plants/P200/reservations/${first!.id}`, { key: DEMO_KEYS.service })).body.status).toBe('open');
  });

  it('reserves nothing when one line is short: 409 insufficient-stock naming that line’s item, every other item still available', async () => {
    const brkt = await atpOf('BRKT-1042');
    const gsk = await atpOf('GSK-3100');
    const res = await reserveBatch(
      { reference: 'MO-P200-000151', lines: [{ item: 'BRKT-1042', quantity: qty('5') }, { item: 'GSK-3100', quantity: qty(String(gsk + 5)) }] },
      'e2e-batch-151',
    );
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: expect.stringMatching(/\/insufficient-stock$/),
      item: 'GSK-3100',
      requested: qty(String(gsk + 5)),
      available: qty(String(gsk)),
    });
    expect(await sandbox.ledgerCount({ operation: 'reservation.create', businessKey: 'MO-P200-000151' })).toBe(0);
    expect(await atpOf('BRKT-1042')).toBe(brkt);
  });

  it('checks each line against what the lines before it hold: two lines of one item that fit apart but not together reserve nothing', async () => {
    const seal = await atpOf('SEAL-2535');
    const half = String(Math.floor(seal / 2) + 1);
    const res = await reserveBatch({ reference: 'MO-P200-000152', lines: [{ item: 'SEAL-2535', quantity: qty(half) }, { item: 'SEAL-2535', quantity: qty(half) }] });
    expect(res.status).toBe(409);
    expect(res.body.item).toBe('SEAL-2535');
    expect(await sandbox.ledgerCount({ operation: 'reservation.create', businessKey: 'MO-P200-000152' })).toBe(0);
    expect(await atpOf('SEAL-2535')).toBe(seal);
  });

  it('reserves a batch once when the same Idempotency-Key is sent twice, and 422 with another body', async () => {
    const body = { reference: 'MO-P200-000153', lines: [{ item: 'BRKT-1042', quantity: qty('2') }, { item: 'SEAL-2535', quantity: qty('3') }] };
    const first = await reserveBatch(body, 'e2e-batch-153');
    const again = await reserveBatch(body, 'e2e-batch-153');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.create', businessKey: 'MO-P200-000153' })).toBe(2);

    const other = await reserveBatch({ ...body, lines: [body.lines[0]] }, 'e2e-batch-153');
    expect(other.status).toBe(422);
    expect(other.body.type).toMatch(/idempotency-key-reused$/);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.create', businessKey: 'MO-P200-000153' })).toBe(2);
  });

  it('answers 400 listing bad lines and 403 to an MES, reserving nothing', async () => {
    const bad = await reserveBatch({ reference: 'MO-P200-000154', lines: [{ item: 'BRKT-1042', quantity: qty('0') }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'lines.0.quantity.value' })]);
    const empty = await reserveBatch({ reference: 'MO-P200-000154', lines: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'lines' })]);
    const mes = await reserveBatch({ reference: 'MO-P200-000154', lines: [{ item: 'BRKT-1042', quantity: qty('1') }] }, undefined, DEMO_KEYS.mesP200);
    expect(mes.status).toBe(403);
    expect(await sandbox.ledgerCount({ businessKey: 'MO-P200-000154' })).toBe(0);
  });
});
