import { DEMO_SCENARIOS } from '../../../apps/sandbox/src/dataset/scenarios';
import { DEMO_KEYS } from '../../support/demo-keys';
import { orderReleaseEnvironment, releaseApi, type OrderReleaseEnvironment } from './order-release.fixture';

jest.setTimeout(90_000);

describe('order release: failures, compensation and cancel', () => {
  let env: OrderReleaseEnvironment;
  let api: ReturnType<typeof releaseApi>;

  beforeAll(async () => {
    // Three quick tries, so a backend that stays down exhausts them within the test.
    env = await orderReleaseEnvironment({ retryPolicies: { 'order-release': { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 } } });
    api = releaseApi(env.app);
  });

  afterAll(async () => {
    await env?.close();
  });

  it(`fails ${DEMO_SCENARIOS.noReleasedRevision.productionOrder} with "no released revision" and posts nothing`, async () => {
    const { productionOrder, item } = DEMO_SCENARIOS.noReleasedRevision;
    const { body } = await api.start('P100', productionOrder);
    const failed = await api.until(body.id, ['failed', 'completed']);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatchObject({ step: 'select-bom-revision', code: 'no-released-bom-revision' });
    expect(failed.failure!.reason).toMatch(new RegExp(`^no released BOM revision of ${item} effective \\d{4}-\\d{2}-\\d{2}$`));
    expect(failed.steps.map((s) => s.status)).toEqual(['done', 'failed', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']);
    expect(await env.sandbox.ledgerCount({ plant: 'P100', businessKey: productionOrder })).toBe(0);
    // Failed releases free the order for another try.
    const list = await env.app.request('GET', '/v1/order-releases?plant=P100&status=failed', { key: DEMO_KEYS.planner });
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(body.id);
  });

  it('undoes reservations and the ERP release, in reverse, when the MES stays down; the ERP order is planned again', async () => {
    const order = 'MO-P300-0009';
    await env.sandbox.setFault('P300', 'mes', { errorRate: 1 });
    try {
      const { body } = await api.start('P300', order);
      const failed = await api.until(body.id, ['failed', 'completed']);
      expect(failed.status).toBe('failed');
      expect(failed.failure).toMatchObject({ step: 'dispatch-work-orders' });
      expect(failed.steps.find((s) => s.name === 'dispatch-work-orders')).toMatchObject({ status: 'failed', attempts: 3 });
      expect(failed.compensations.map((c) => [c.action, c.status])).toEqual([
        ['cancel-reservation', 'done'],
        ['revert-erp-release', 'done'],
      ]);
      const ledger = await env.sandbox.ledger({ businessKey: order });
      const ops = ledger.map((e) => e.operation);
      expect(ops.filter((o) => o === 'mrp.production.action_confirm')).toHaveLength(1);
      expect(ops.filter((o) => o === 'mrp.production.plantsync_revert_release')).toHaveLength(1);
      expect(ops).not.toContain('mrp.production.action_cancel');
      expect(ops.filter((o) => o === 'reservation.create').length).toBe(ops.filter((o) => o === 'reservation.cancel').length);
      // Reverse order: the ERP release is undone before the reservations.
      expect(ops.indexOf('mrp.production.plantsync_revert_release')).toBeLessThan(ops.indexOf('reservation.cancel'));
      const erpOrder = await env.erp.request('GET', `/v1/plants/P300/production-orders/${order}`, { key: DEMO_KEYS.planner });
      expect(erpOrder.body.status).toBe('planned');
      // The exhausted step left a dead letter an operator can see.
      const dead = await env.app.request('GET', `/v1/dead-letters?businessKey=P300/${order}`, { key: DEMO_KEYS.admin });
      expect(dead.status).toBe(200);
      expect(dead.body.items).toEqual([expect.objectContaining({ jobName: 'dispatch-work-orders', attempts: 3 })]);
    } finally {
      await env.sandbox.clearFaults();
    }
  });

  it('cancels a release waiting for approval: reservations cancelled, status cancelled; a completed one cannot be cancelled', async () => {
    const { productionOrder } = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;
    const { body } = await api.start('P300', productionOrder);
    const waiting = await api.until(body.id, ['awaiting_approval']);
    const cancel = await api.cancel(body.id);
    expect(cancel.status).toBe(202);
    const cancelled = await api.until(body.id, ['cancelled']);
    expect(cancelled.failure).toMatchObject({ code: 'cancelled' });
    expect(await env.sandbox.ledgerCount({ plant: 'P300', businessKey: productionOrder, operation: 'reservation.cancel' })).toBe(waiting.reservations.length);
    const again = await api.cancel(body.id);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('cancels a release in flight before its next step and compensates what it did', async () => {
    const order = 'MO-P200-0005';
    // A slow ERP keeps the release in flight long enough to cancel it.
    await env.sandbox.setFault('P200', 'erp', { latencyMs: 700 });
    try {
      const { body } = await api.start('P200', order);
      const cancel = await api.cancel(body.id);
      expect(cancel.status).toBe(202);
      expect(cancel.body.cancelRequestedAt).toBeTruthy();
      const cancelled = await api.until(body.id, ['cancelled', 'completed', 'failed']);
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.steps.some((s) => s.status === 'pending')).toBe(true);
      const ops = (await env.sandbox.ledger({ plant: 'P200', businessKey: order })).map((e) => e.operation);
      expect(ops.filter((o) => o === 'reservation.create').length).toBe(ops.filter((o) => o === 'reservation.cancel').length);
      expect(ops).not.toContain('ProcessProductionSchedule');
    } finally {
      await env.sandbox.clearFaults();
    }
    const completed = await api.start('P200', 'MO-P200-0006');
    await api.until(completed.body.id, ['completed']);
    expect((await api.cancel(completed.body.id)).status).toBe(409);
  });
});
