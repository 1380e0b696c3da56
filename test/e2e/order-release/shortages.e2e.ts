import { DEMO_SCENARIOS } from '../../../apps/sandbox/src/dataset/scenarios';
import { DEMO_KEYS } from '../../support/demo-keys';
import type { ProcessAppHarness } from '../../support/process-app.harness';
import { orderReleaseEnvironment, releaseApi, type OrderReleaseEnvironment } from './order-release.fixture';

jest.setTimeout(90_000);

const covered = DEMO_SCENARIOS.shortageCoveredByPurchaseOrder;
const real = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;

describe('order release: shortages, approval, rejection and expiry', () => {
  let env: OrderReleaseEnvironment;
  let api: ReturnType<typeof releaseApi>;
  /** A second app whose approvals expire after 2 s (own database and queue). */
  let hurried: ProcessAppHarness;

  beforeAll(async () => {
    env = await orderReleaseEnvironment();
    api = releaseApi(env.app);
    hurried = await env.startApp({ env: { ORDER_RELEASE_APPROVAL_TIMEOUT_SECONDS: '2' } });
  });

  afterAll(async () => {
    await env?.close();
  });

  const ledgerOf = (plant: string, order: string, operation: string) => env.sandbox.ledgerCount({ plant, businessKey: order, operation });

  it(`releases ${covered.productionOrder} without waiting: ${covered.purchaseOrder} covers the ${covered.item} shortage`, async () => {
    const { body } = await api.start('P100', covered.productionOrder);
    const done = await api.until(body.id, ['completed', 'failed', 'awaiting_approval']);
    expect(done.status).toBe('completed');
    expect(done.steps.find((s) => s.name === 'resolve-shortages')!.status).toBe('done');
    expect(done.shortages).toEqual([
      {
        item: covered.item,
        required: { value: covered.required, unit: 'EA' },
        available: { value: covered.available, unit: 'EA' },
        // 30 BOX of 12 on the purchase order, converted to the requirement's unit.
        coveredByPurchaseOrders: { value: '360', unit: 'EA' },
        purchaseOrders: [covered.purchaseOrder],
        shortfall: { value: '0', unit: 'EA' },
      },
    ]);
    // What stock there is, is reserved; the rest comes with the purchase order.
    expect(done.reservations.find((r) => r.item === covered.item)!.quantity).toEqual({ value: covered.available, unit: 'EA' });
    expect(await ledgerOf('P100', covered.productionOrder, 'mrp.production.action_confirm')).toBe(1);
    expect(await ledgerOf('P100', covered.productionOrder, 'ProcessProductionSchedule')).toBe(1);
  });

  it(`makes ${real.productionOrder} wait for a planner with the shortage list; rejecting compensates`, async () => {
    const { body } = await api.start('P300', real.productionOrder);
    const waiting = await api.until(body.id, ['awaiting_approval', 'completed', 'failed']);
    expect(waiting.status).toBe('awaiting_approval');
    expect(waiting.currentStep).toBe('resolve-shortages');
    expect(Date.parse(waiting.approvalDeadline!) - Date.now()).toBeGreaterThan(86_000_000);
    expect(waiting.shortages).toEqual([
      {
        item: real.item,
        required: { value: real.required, unit: 'EA' },
        available: { value: real.available, unit: 'EA' },
        coveredByPurchaseOrders: { value: '0', unit: 'EA' },
        purchaseOrders: [],
        shortfall: { value: String(Number(real.required) - Number(real.available)), unit: 'EA' },
      },
    ]);
    // The stock that is there is held while the planner decides.
    const held = waiting.reservations.length;
    expect(held).toBeGreaterThan(0);
    expect(await ledgerOf('P300', real.productionOrder, 'reservation.create')).toBe(held);
    expect(await ledgerOf('P300', real.productionOrder, 'mrp.production.action_confirm')).toBe(0);

    // Deciding is for planners (and the graphql-api's service key acting for planners it authenticated), never a plant MES.
    const mes = await env.app.request('POST', `/v1/order-releases/${body.id}/reject`, { key: DEMO_KEYS.mesP300, body: { reason: 'x' } });
    expect(mes.status).toBe(403);
    const rejected = await api.reject(body.id, 'SEAL-2535 arrives after the planned start; rescheduling');
    expect(rejected.status).toBe(200);
    const failed = await api.until(body.id, ['failed']);
    expect(failed.decidedBy).toBe('demo-planner');
    expect(failed.failure).toEqual({
      step: 'resolve-shortages',
      code: 'rejected',
      reason: 'rejected by planner demo-planner: SEAL-2535 arrives after the planned start; rescheduling',
    });
    expect(failed.compensations).toEqual([expect.objectContaining({ action: 'cancel-reservation', status: 'done' })]);
    expect(await ledgerOf('P300', real.productionOrder, 'reservation.cancel')).toBe(held);
    expect(await ledgerOf('P300', real.productionOrder, 'mrp.production.action_confirm')).toBe(0);
    expect((await api.approve(body.id)).status).toBe(409);
  });

  it(`expires ${real.productionOrder} when nobody answers in time, and compensates`, async () => {
    const hurriedApi = releaseApi(hurried);
    const before = await ledgerOf('P300', real.productionOrder, 'reservation.cancel');
    const { body } = await hurriedApi.start('P300', real.productionOrder);
    await hurriedApi.until(body.id, ['awaiting_approval']);
    const expired = await hurriedApi.until(body.id, ['expired', 'failed', 'completed'], 20_000);
    expect(expired.status).toBe('expired');
    expect(expired.failure).toMatchObject({ step: 'resolve-shortages', code: 'approval-expired' });
    expect(await ledgerOf('P300', real.productionOrder, 'reservation.cancel')).toBe(before + expired.reservations.length);
    expect((await hurriedApi.approve(body.id)).status).toBe(409);
  });

  it(`releases ${real.productionOrder} anyway when the planner approves`, async () => {
    const { body } = await api.start('P300', real.productionOrder);
    await api.until(body.id, ['awaiting_approval']);
    const approved = await api.approve(body.id);
    expect(approved.status).toBe(200);
    expect(approved.body.decidedBy).toBeTruthy();
    const done = await api.until(body.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.steps.find((s) => s.name === 'resolve-shortages')!.status).toBe('done');
    expect(await ledgerOf('P300', real.productionOrder, 'mrp.production.action_confirm')).toBe(1);
    expect(await ledgerOf('P300', real.productionOrder, 'ProcessProductionSchedule')).toBe(1);
  });
});
