import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { demoOrders, qty } from './erp-fixtures';

describe('erp-api: production orders and BOMs', () => {
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

  const get = (path: string, key: string = DEMO_KEYS.planner) => api.request('GET', path, { key });
  const post = (path: string, idempotencyKey?: string, key: string = DEMO_KEYS.planner) =>
    api.request('POST', path, { key, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {} });

  it("lets a planner list P200's released orders and explode the BOM of one of their items", async () => {
    const list = await get('/v1/plants/P200/production-orders?status=released');
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { number: string }) => o.number).sort()).toEqual(demoOrders('P200', 'released').sort());
    expect(list.body.items.every((o: { status: string; plant: string }) => o.status === 'released' && o.plant === 'P200')).toBe(true);

    const pumpOrder = list.body.items.find((o: { item: string }) => o.item === 'PMP-3100');
    const explosion = await get(`/v1/plants/P200/items/${pumpOrder.item}/bom/explosion?at=2026-11-02&quantity=${pumpOrder.quantity.value}`);
    expect(explosion.status).toBe(200);
    expect(explosion.body).toMatchObject({ item: 'PMP-3100', plant: 'P200', at: '2026-11-02', quantity: pumpOrder.quantity });
    const lines = explosion.body.lines as Array<{ level: number; item: string; path: string[]; leaf: boolean; requiredQuantity: { value: string; unit: string } }>;
    // The welded housing is made in Monterrey from steel: a second level, in kilograms.
    const housing = lines.find((l) => l.item === 'SA-3103')!;
    expect(housing).toMatchObject({ level: 1, leaf: false, path: ['PMP-3100'] });
    const steel = lines.find((l) => l.item === 'STL-S355-5MM' && l.path.includes('SA-3103'))!;
    expect(steel).toMatchObject({ level: 2, leaf: true, path: ['PMP-3100', 'SA-3103'] });
    expect(steel.requiredQuantity.unit).toBe('KG');
    // 2.4 kg × 1.08 per housing
    expect(Number(steel.requiredQuantity.value)).toBeCloseTo(Number(housing.requiredQuantity.value) * 2.4 * 1.08, 9);
  });

  it('posts a release exactly once when the same Idempotency-Key is sent twice', async () => {
    const [planned] = demoOrders('P200', 'planned');
    const first = await post(`/v1/plants/P200/production-orders/${planned}/release`, 'e2e-release-1');
    const replay = await post(`/v1/plants/P200/production-orders/${planned}/release`, 'e2e-release-1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ number: planned, status: 'released' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.action_confirm', businessKey: planned })).toBe(1);

    // Same key, another order: refused, nothing posted.
    const [other] = demoOrders('P200', 'planned').slice(1);
    const reused = await post(`/v1/plants/P200/production-orders/${other}/release`, 'e2e-release-1');
    expect(reused.status).toBe(422);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.action_confirm', businessKey: other })).toBe(0);
  });

  it('cancels once per key and answers an illegal transition with 409 naming the current status', async () => {
    const [released] = demoOrders('P200', 'released').slice(-1);
    const cancelled = await post(`/v1/plants/P200/production-orders/${released}/cancel`, 'e2e-cancel-1');
    await post(`/v1/plants/P200/production-orders/${released}/cancel`, 'e2e-cancel-1');
    expect(cancelled.body.status).toBe('cancelled');
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.action_cancel', businessKey: released })).toBe(1);

    const again = await post(`/v1/plants/P200/production-orders/${released}/release`, 'e2e-release-cancelled');
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body).toMatchObject({ currentStatus: 'cancelled', requestedStatus: 'released' });
    expect(again.body.detail).toContain('cancelled');

    const [inProgress] = demoOrders('P200', 'in_progress');
    const close = await post(`/v1/plants/P200/production-orders/${inProgress}/close`, 'e2e-close-early');
    expect(close.status).toBe(409);
    expect(close.body.currentStatus).toBe('in_progress');

    const [completed] = demoOrders('P200', 'completed');
    const closed = await post(`/v1/plants/P200/production-orders/${completed}/close`, 'e2e-close-1');
    expect(closed.body).toMatchObject({ status: 'closed' });
  });

  it('lets an MES read the orders of its own plant only, and never post', async () => {
    const own = await get('/v1/plants/P200/production-orders?limit=2', DEMO_KEYS.mesP200);
    expect(own.status).toBe(200);
    expect(own.body.items).toHaveLength(2);
    expect(own.body.nextCursor).toEqual(expect.any(String));
    const next = await get(`/v1/plants/P200/production-orders?limit=2&cursor=${own.body.nextCursor}`, DEMO_KEYS.mesP200);
    expect(next.body.items[0].id).not.toBe(own.body.items[0].id);

    const foreign = await get('/v1/plants/P200/production-orders', DEMO_KEYS.mesP100);
    expect(foreign.status).toBe(403);
    expect(foreign.body.type).toMatch(/plant-out-of-scope$/);
    const [planned] = demoOrders('P200', 'planned').slice(-1);
    expect((await post(`/v1/plants/P200/production-orders/${planned}/release`, 'e2e-mes-release', DEMO_KEYS.mesP200)).status).toBe(403);
    expect((await get('/v1/plants/P200/items', DEMO_KEYS.mesP200)).status).toBe(403);
  });

  it('filters by planned start and rejects bad queries listing every field', async () => {
    const window = await get('/v1/plants/P100/production-orders?from=2026-11-02&to=2026-11-06');
    expect(window.status).toBe(200);
    for (const o of window.body.items) expect(o.plannedStart >= '2026-11-02' && o.plannedStart < '2026-11-06').toBe(true);

    const bad = await get('/v1/plants/P100/production-orders?status=finished&limit=0&from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'limit', 'status']);
    expect((await get('/v1/plants/P100/production-orders?cursor=bogus')).status).toBe(400);
  });

  it('answers 401 without a key and 404 for unknown plants and orders', async () => {
    expect((await api.request('GET', '/v1/plants/P200/production-orders')).status).toBe(401);
    const plant = await get('/v1/plants/P999/production-orders');
    expect(plant.status).toBe(404);
    expect(plant.body.type).toMatch(/plant-not-found$/);
    const order = await get('/v1/plants/P200/production-orders/MO-P200-9999');
    expect(order.status).toBe(404);
  });

  it('serves items and the BOM revision in force on a given day', async () => {
    const items = await get('/v1/plants/P100/items?search=bracket&type=purchased');
    expect(items.status).toBe(200);
    expect(items.body.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['BRKT-1042', 'BRKT-1043']));
    const bracket = await get('/v1/plants/P100/items/BRKT-1042');
    expect(bracket.body).toMatchObject({ code: 'BRKT-1042', name: 'Mounting bracket', baseUnit: 'EA', plants: [{ plant: 'P100', procurementType: 'buy' }] });
    expect((await get('/v1/plants/P100/items/NOPE-1')).status).toBe(404);

    const after = await get('/v1/plants/P100/items/ACT-2200/bom?at=2026-11-02');
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ item: 'ACT-2200', revision: 'B', status: 'released' });
    // Rev A covered 2025 but is obsolete now: an obsolete revision is never in force.
    expect((await get('/v1/plants/P100/items/ACT-2200/bom?at=2025-06-01')).status).toBe(404);
    expect(after.body.components).toContainEqual({ item: 'GRS-LI2', quantityPer: qty('15', 'G'), scrapFactor: '0.05' });

    const draftOnly = await get('/v1/plants/P100/items/ACT-2300/bom?at=2026-11-02');
    expect(draftOnly.status).toBe(404);
    expect(draftOnly.body).toMatchObject({ item: 'ACT-2300', at: '2026-11-02' });
    expect(draftOnly.body.detail).toContain('ACT-2300');

    const today = await get('/v1/plants/P100/items/ACT-2200/bom');
    expect(today.status).toBe(200);
  });

  it('explodes in the unit asked for and refuses units that do not convert', async () => {
    const two = await get('/v1/plants/P100/items/ACT-2200/bom/explosion?at=2026-11-02&quantity=2&unit=EA');
    expect(two.body.lines.find((l: { item: string; level: number }) => l.item === 'BRKT-1042' && l.level === 1).requiredQuantity).toEqual(qty('4'));
    const wrong = await get('/v1/plants/P100/items/ACT-2200/bom/explosion?quantity=2&unit=KG');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('unit');
    expect((await get('/v1/plants/P100/items/ACT-2200/bom/explosion?quantity=0')).status).toBe(400);
    expect((await get('/v1/plants/P100/items/ACT-2200/bom/explosion?at=2026-13-45')).status).toBe(400);
  });
});
