import { DEMO_SCENARIOS } from '../../../apps/sandbox/src/dataset/scenarios';
import { DEMO_KEYS } from '../../support/demo-keys';
import { newKey, orderReleaseEnvironment, releaseApi, type OrderReleaseEnvironment } from './order-release.fixture';

jest.setTimeout(60_000);

describe('order release: a clean release', () => {
  let env: OrderReleaseEnvironment;
  let api: ReturnType<typeof releaseApi>;

  beforeAll(async () => {
    env = await orderReleaseEnvironment();
    api = releaseApi(env.app);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('releases MO-P100-0003 through every step: one reservation per component, one ERP release, one MES dispatch', async () => {
    const order = 'MO-P100-0003';
    expect(DEMO_SCENARIOS.releasableOrders).toContain(order);
    const accepted = await api.start('P100', order);
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('location')).toBe(`/v1/order-releases/${accepted.body.id}`);
    expect(accepted.body).toMatchObject({ plant: 'P100', productionOrder: order, status: 'running', currentStep: 'load-production-order' });

    const done = await api.until(accepted.body.id, ['completed', 'failed']);
    expect(done.failure).toBeNull();
    expect(done.status).toBe('completed');
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([
      ['load-production-order', 'done'],
      ['select-bom-revision', 'done'],
      ['explode-bom', 'done'],
      ['check-availability', 'done'],
      ['reserve-components', 'done'],
      ['resolve-shortages', 'skipped'],
      ['release-in-erp', 'done'],
      ['dispatch-work-orders', 'done'],
      ['publish-released', 'done'],
    ]);
    for (const step of done.steps) {
      expect(Date.parse(step.startedAt!)).toBeLessThanOrEqual(Date.parse(step.finishedAt!));
      expect(step.attempts).toBe(1);
    }
    expect(done.bomRevision).toBe('A');
    // Leaf components of ACT-2250 rev A: purchased parts and raw material, never the sub-assemblies.
    const items = done.requirements.map((r) => r.item);
    expect(items).toEqual(expect.arrayContaining(['BRKT-1042', 'SCR-M8X30', 'GRS-LI2', 'ALU-6061-BAR']));
    expect(items.some((i) => i.startsWith('SA-'))).toBe(false);
    // 20 actuators × 4 brackets, no scrap.
    expect(done.requirements.find((r) => r.item === 'BRKT-1042')!.quantity).toEqual({ value: '80', unit: 'EA' });
    // Each requirement is the sum of the explosion's leaf lines of that item over every path, in its
    // base unit: grease 25 G × 1.05 per actuator plus the grease inside its sub-assemblies, in KG.
    const explosion = await env.erp.request('GET', '/v1/plants/P100/items/ACT-2250/bom/explosion?at=2026-11-05&quantity=20', { key: DEMO_KEYS.planner });
    const greaseLines = (explosion.body.lines as Array<{ item: string; leaf: boolean; requiredQuantity: { value: string; unit: string } }>).filter(
      (l) => l.item === 'GRS-LI2' && l.leaf,
    );
    expect(greaseLines.length).toBeGreaterThan(1);
    const grease = done.requirements.find((r) => r.item === 'GRS-LI2')!.quantity;
    expect(grease.unit).toBe('KG');
    expect(Number(grease.value)).toBeCloseTo(greaseLines.reduce((sum, l) => sum + Number(l.requiredQuantity.value), 0), 9);
    expect(done.shortages).toEqual([]);

    const reservations = await env.sandbox.ledger({ plant: 'P100', system: 'wms', operation: 'reservation.create', businessKey: order });
    expect(reservations).toHaveLength(done.requirements.length);
    const reservedItems = reservations.map((r) => (r.payload as { body: { itemNumber: string } }).body.itemNumber);
    expect(reservedItems.sort()).toEqual([...items].sort()); // one reservation per component, none twice
    expect(done.reservations.map((r) => r.item).sort()).toEqual([...items].sort());
    expect(await env.sandbox.ledgerCount({ plant: 'P100', system: 'erp', operation: 'mrp.production.action_confirm', businessKey: order })).toBe(1);
    expect(await env.sandbox.ledgerCount({ plant: 'P100', system: 'mes', operation: 'ProcessProductionSchedule', businessKey: order })).toBe(1);
    expect(await env.sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation: 'reservation.cancel', businessKey: order })).toBe(0);

    const erpOrder = await env.erp.request('GET', `/v1/plants/P100/production-orders/${order}`, { key: DEMO_KEYS.planner });
    expect(erpOrder.body.status).toBe('released');
    expect(done.workOrder).toBeDefined();

    // Listed for its plant and status; not for another plant.
    const list = await env.app.request('GET', '/v1/order-releases?plant=P100&status=completed', { key: DEMO_KEYS.planner });
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(done.id);
    const other = await env.app.request('GET', '/v1/order-releases?plant=P200', { key: DEMO_KEYS.planner });
    expect(other.body.items).toEqual([]);

    // Releasing it again fails at the first step: it is no longer planned. Nothing more is posted.
    const again = await api.start('P100', order);
    const failed = await api.until(again.body.id, ['failed', 'completed']);
    expect(failed.failure).toMatchObject({ step: 'load-production-order', code: 'production-order-not-releasable' });
    expect(await env.sandbox.ledgerCount({ plant: 'P100', businessKey: order })).toBe(reservations.length + 2);
  });

  it('starts one saga for the same Idempotency-Key posted twice in a row and twice at once', async () => {
    const [inRow, atOnce] = ['MO-P200-0005', 'MO-P200-0006'];
    const key = newKey('in-a-row');
    const first = await api.start('P200', inRow, key);
    const second = await api.start('P200', inRow, key);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));

    const concurrentKey = newKey('at-once');
    const both = await Promise.all([api.start('P200', atOnce, concurrentKey), api.start('P200', atOnce, concurrentKey)]);
    const accepted = both.filter((r) => r.status === 202);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    for (const r of both.filter((r) => r.status !== 202)) expect(r.status).toBe(409); // idempotency-key-in-flight
    expect(new Set(accepted.map((r) => r.body.id)).size).toBe(1);

    for (const order of [inRow, atOnce]) {
      const list = await env.app.request('GET', `/v1/order-releases?plant=P200&productionOrder=${order}`, { key: DEMO_KEYS.planner });
      expect(list.body.items).toHaveLength(1);
      await api.until(list.body.items[0].id, ['completed']);
      expect(await env.sandbox.ledgerCount({ plant: 'P200', system: 'erp', operation: 'mrp.production.action_confirm', businessKey: order })).toBe(1);
      expect(await env.sandbox.ledgerCount({ plant: 'P200', system: 'mes', operation: 'ProcessProductionSchedule', businessKey: order })).toBe(1);
    }
  });

  it('refuses a second release of an order while one is active, naming it (409)', async () => {
    const order = 'MO-P300-0003';
    const first = await api.start('P300', order);
    const second = await api.start('P300', order);
    if (second.status === 409) {
      expect(second.headers.get('content-type')).toContain('application/problem+json');
      expect(second.body).toMatchObject({ activeRelease: first.body.id, activeReleaseLocation: `/v1/order-releases/${first.body.id}` });
      expect((second.body as unknown as { detail: string }).detail).toContain(first.body.id);
    } else {
      // The first one already finished (fast machine): the second then fails as not releasable.
      expect(second.status).toBe(202);
    }
    await api.until(first.body.id, ['completed']);
  });

  it('answers problem+json for a bad body (400), no key (401), the wrong role (403) and an unknown release (404)', async () => {
    const bad = await env.app.request('POST', '/v1/order-releases', {
      key: DEMO_KEYS.planner,
      body: { plant: 'p100 detroit', productionOrderId: '' },
      headers: { 'idempotency-key': newKey('bad') },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const noKey = await env.app.request('POST', '/v1/order-releases', { key: DEMO_KEYS.planner, body: { plant: 'P100', productionOrderId: 'MO-P100-0002' } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.type).toContain('idempotency-key');
    const unauthenticated = await env.app.request('GET', '/v1/order-releases');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('content-type')).toContain('application/problem+json');
    const mes = await env.app.request('GET', '/v1/order-releases', { key: DEMO_KEYS.mesP100 });
    expect(mes.status).toBe(403);
    // service may decide (the graphql-api acts for planners it authenticated); a supplier never.
    const supplierApproves = await env.app.request('POST', '/v1/order-releases/0b6f3c1e-5a52-4a57-a1b0-6f7d1c2f9e10/approve', { key: DEMO_KEYS.supplier1001 });
    expect(supplierApproves.status).toBe(403);
    for (const id of ['0b6f3c1e-5a52-4a57-a1b0-6f7d1c2f9e10', 'not-a-release']) {
      const missing = await api.get(id);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(missing.body).toMatchObject({ status: 404, type: expect.stringContaining('order-release-not-found') });
    }
    expect((await env.sandbox.ledgerCount({ plant: 'P100', businessKey: 'MO-P100-0002' }))).toBe(0);
  });
});
