import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';

/** The undo of a release (the order-release saga's compensation): released → planned, never a cancel. */
describe('erp-api: reverting a release', () => {
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

  const post = (path: string, idempotencyKey: string) =>
    api.request('POST', path, { key: DEMO_KEYS.service, headers: { 'idempotency-key': idempotencyKey } });

  it('puts a released order back to planned once, and it can be released again', async () => {
    const order = 'MO-P200-0006';
    expect((await post(`/v1/plants/P200/production-orders/${order}/release`, 'release-1')).body.status).toBe('released');
    const reverted = await post(`/v1/plants/P200/production-orders/${order}/revert-release`, 'revert-1');
    expect(reverted.status).toBe(200);
    expect(reverted.body).toMatchObject({ number: order, status: 'planned' });
    const replay = await post(`/v1/plants/P200/production-orders/${order}/revert-release`, 'revert-1');
    expect(replay.status).toBe(200);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.plantsync_revert_release', businessKey: order })).toBe(1);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.action_cancel', businessKey: order })).toBe(0);
    expect((await post(`/v1/plants/P200/production-orders/${order}/release`, 'release-2')).body.status).toBe('released');
  });

  it('refuses an order that is not released (409 naming its status), posting nothing', async () => {
    const res = await post('/v1/plants/P200/production-orders/MO-P200-0005/revert-release', 'revert-planned');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ currentStatus: 'planned', requestedStatus: 'planned' });
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'mrp.production.plantsync_revert_release', businessKey: 'MO-P200-0005' })).toBe(0);
  });
});
