import type { GoodsMovementRecord, InventoryBalance, Page } from '@plantsync/canonical';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { qty } from './erp-fixtures';

interface Problem {
  type: string;
  errors: Array<{ field: string; message: string }>;
}

/** GET /v1/plants/:plant/goods-movements: the ERP's posted movements, what explains a balance. */
describe('erp-api: goods movement history', () => {
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

  const post = (body: unknown, idempotencyKey: string) =>
    api.request<GoodsMovementRecord>('POST', '/v1/plants/P100/goods-movements', {
      key: DEMO_KEYS.service,
      headers: { 'idempotency-key': idempotencyKey },
      body,
    });
  const history = <T = GoodsMovementRecord[]>(query: string, key: string = DEMO_KEYS.planner) =>
    api.request<T>('GET', `/v1/plants/P100/goods-movements?${query}`, { key });

  it('lists what was posted on an item × location × lot, newest first, with the posting key and its origin', async () => {
    const stock = await api.request<Page<InventoryBalance>>('GET', '/v1/plants/P100/stock?item=BRG-6204&location=P100-RM', { key: DEMO_KEYS.service });
    const lot = stock.body.items.find((b) => b.lot && b.stockStatus === 'unrestricted')!.lot!;
    const issueKey = 'production-sync/P100/e2e-msg-1/erp-issue-1-BRG-6204';
    expect((await post({ type: 'goods_issue', item: 'BRG-6204', lot, quantity: qty('2'), fromLocation: 'P100-RM', reference: 'MO-P100-0001' }, issueKey)).status).toBe(201);
    const transferKey = 'inventory-transfer/TRF-e2e/erp-transfer';
    expect((await post({ type: 'transfer_posting', item: 'BRG-6204', lot, quantity: qty('3'), fromLocation: 'P100-RM', toLocation: 'P100-LINE1' }, transferKey)).status).toBe(201);
    expect((await post({ type: 'goods_issue', item: 'BRKT-1042', quantity: qty('1'), fromLocation: 'P100-RM' }, 'e2e-other-item')).status).toBe(201);

    const res = await history(`item=BRG-6204&location=P100-RM&lot=${encodeURIComponent(lot)}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.body[0]).toMatchObject({
      plant: 'P100',
      type: 'transfer_posting',
      item: 'BRG-6204',
      lot,
      quantity: qty('3'),
      fromLocation: 'P100-RM',
      toLocation: 'P100-LINE1',
      postingKey: transferKey,
      postedBy: 'demo-service',
      origin: 'inventory-transfer',
    });
    expect(res.body[1]).toMatchObject({
      type: 'goods_issue',
      lot,
      quantity: qty('2'),
      fromLocation: 'P100-RM',
      reference: 'MO-P100-0001',
      postingKey: issueKey,
      origin: 'production-sync',
    });
    expect(res.body[1].toLocation).toBeUndefined();

    // A location matches movements entering it too; a key that names no process has no origin.
    const line = await history(`item=BRG-6204&location=P100-LINE1`);
    expect(line.body.map((m) => m.postingKey)).toEqual([transferKey]);
    const other = await history('item=BRKT-1042&limit=1', DEMO_KEYS.service);
    expect(other.body).toHaveLength(1);
    expect(other.body[0]).toMatchObject({ postingKey: 'e2e-other-item', type: 'goods_issue' });
    expect(other.body[0].origin).toBeUndefined();
  });

  it('answers an empty history for a location or lot the plant does not know', async () => {
    expect((await history('item=BRG-6204&location=P100-NOWHERE')).body).toEqual([]);
    expect((await history('item=BRG-6204&lot=NO-SUCH-LOT')).body).toEqual([]);
  });

  it('answers 400 naming the field for a bad limit or code, and 403 for a supplier', async () => {
    for (const limit of ['0', '201', 'ten']) {
      const res = await history<Problem>(`item=BRG-6204&limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('https://plantsync.dev/problems/validation-failed');
      expect(new Set(res.body.errors.map((e) => e.field))).toEqual(new Set(['limit']));
    }
    const bad = await history<Problem>('location=%20bad%20code');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'location' })]);
    expect((await history('item=BRG-6204', DEMO_KEYS.supplier1001)).status).toBe(403);
  });
});
