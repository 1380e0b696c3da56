import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { qty } from './wms-fixtures';

describe('wms-api: goods issues (production consumption from the line)', () => {
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

  const issue = (body: unknown, key: string) =>
    api.request('POST', '/v1/plants/P100/goods-issues', { key: DEMO_KEYS.service, headers: { 'idempotency-key': key }, body });
  const onHand = async (item: string, location: string) => {
    const res = await api.request('GET', `/v1/plants/P100/stock?item=${item}&location=${location}&status=unrestricted`, { key: DEMO_KEYS.planner });
    return res.body.items.reduce((n: number, b: { quantity: { value: string } }) => n + Number(b.quantity.value), 0);
  };

  it('takes screws consumed by MO-P100-0001 out of P100-LINE1 once, however often the call is repeated', async () => {
    const before = await onHand('SCR-M6X20', 'P100-LINE1');
    const body = { item: 'SCR-M6X20', quantity: qty('30'), location: 'P100-LINE1', reason: 'production_consumption', reference: 'MO-P100-0001' };
    const first = await issue(body, 'e2e-gi-screws-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ plant: 'P100', item: 'SCR-M6X20', quantity: qty('30'), location: 'P100-LINE1', reason: 'production_consumption', reference: 'MO-P100-0001' });
    expect(first.body.id).toMatch(/^GI-P100-\d{6}$/);
    const again = await issue(body, 'e2e-gi-screws-1');
    expect(again.body.id).toBe(first.body.id);
    expect(await onHand('SCR-M6X20', 'P100-LINE1')).toBe(before - 30);
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation: 'goods-issue.create' })).toBe(1);
  });

  it('consumes reserved stock (the consuming order holds the reservation) but never more than the balance holds', async () => {
    const reserved = await api.request('POST', '/v1/plants/P100/reservations', {
      key: DEMO_KEYS.planner,
      headers: { 'idempotency-key': 'e2e-gi-reserve-brackets' },
      body: { item: 'BRKT-1042', quantity: qty('40'), location: 'P100-LINE1', reference: 'MO-P100-0001' },
    });
    expect(reserved.status).toBe(201);
    const consumed = await issue({ item: 'BRKT-1042', quantity: qty('45'), location: 'P100-LINE1', reason: 'production_consumption', reference: 'MO-P100-0001' }, 'e2e-gi-brackets-1');
    expect(consumed.status).toBe(201);

    const tooMuch = await issue({ item: 'BRKT-1042', quantity: qty('10'), location: 'P100-LINE1', reason: 'production_consumption', reference: 'MO-P100-0001' }, 'e2e-gi-brackets-2');
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(tooMuch.body.type).toMatch(/insufficient-stock$/);
    expect(tooMuch.body.detail).toMatch(/BRKT-1042/);
    expect(await onHand('BRKT-1042', 'P100-LINE1')).toBe(3);
  });

  it('refuses a goods issue without a valid reason or with a zero quantity, naming the field', async () => {
    const noReason = await issue({ item: 'SCR-M6X20', quantity: qty('1'), location: 'P100-LINE1', reason: 'lost' }, 'e2e-gi-bad-1');
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    const zero = await issue({ item: 'SCR-M6X20', quantity: qty('0'), location: 'P100-LINE1', reason: 'scrap' }, 'e2e-gi-bad-2');
    expect(zero.status).toBe(400);
    expect(zero.body.errors).toEqual([{ field: 'quantity.value', message: 'quantity.value must be greater than zero' }]);
  });
});
