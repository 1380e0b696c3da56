import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

/**
 * The foundation's promise, end to end across the ERP and WMS system APIs and the sandbox: a
 * planner lists P200's released production orders, explodes the BOM of one of them, checks a
 * component's availability, reserves it, and the reservation is in the sandbox ledger exactly once.
 */
describe('planner flow across the system APIs', () => {
  let sandbox: SandboxHarness;
  let erp: SystemApiHarness;
  let wms: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    erp = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    wms = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
  });

  afterAll(async () => {
    await erp?.close();
    await wms?.close();
    await sandbox?.close();
  });

  it('lists, explodes, checks availability, reserves once, and refuses bad callers', async () => {
    const key = DEMO_KEYS.planner;
    const orders = await erp.request('GET', '/v1/plants/P200/production-orders?status=released', { key });
    expect(orders.status).toBe(200);
    expect(orders.body.items.length).toBeGreaterThan(0);
    expect(orders.body.items.every((o: any) => o.plant === 'P200' && o.status === 'released')).toBe(true);

    const order = orders.body.items[0];
    const explosion = await erp.request(
      'GET',
      `/v1/plants/P200/items/${order.item}/bom/explosion?quantity=${order.quantity.value}&unit=${order.quantity.unit}`,
      { key },
    );
    expect(explosion.status).toBe(200);
    const component = explosion.body.lines.find((l: any) => l.leaf);
    expect(component).toBeDefined();

    const before = await wms.request('GET', `/v1/plants/P200/availability?item=${component.item}`, { key });
    expect(before.status).toBe(200);
    const atp = Number(before.body.availableToPromise.value);
    expect(atp).toBeGreaterThan(0);

    const reservation = {
      item: component.item,
      quantity: { value: '1', unit: before.body.availableToPromise.unit },
      reference: order.number,
    };
    const headers = { 'idempotency-key': `release-${order.number}-${component.item}` };
    const first = await wms.request('POST', '/v1/plants/P200/reservations', { key, body: reservation, headers });
    const retry = await wms.request('POST', '/v1/plants/P200/reservations', { key, body: reservation, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(await sandbox.ledgerCount({ plant: 'P200', system: 'wms', operation: 'reservation.create' })).toBe(1);

    const after = await wms.request('GET', `/v1/plants/P200/availability?item=${component.item}`, { key });
    expect(Number(after.body.availableToPromise.value)).toBe(atp - 1);

    // The same calls with the wrong key or bad input fail with clear errors.
    expect((await erp.request('GET', '/v1/plants/P200/production-orders', { key: 'ps_not_a_key' })).status).toBe(401);
    const foreignMes = await wms.request('POST', '/v1/plants/P200/reservations', { key: DEMO_KEYS.mesP100, body: reservation });
    expect(foreignMes.status).toBe(403);
    const bad = await wms.request('POST', '/v1/plants/P200/reservations', {
      key,
      body: { item: component.item, quantity: { value: 1.5, unit: 'EA' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['quantity.value', 'reference']));
    expect(await sandbox.ledgerCount({ plant: 'P200', system: 'wms' })).toBe(1);
  });
});
