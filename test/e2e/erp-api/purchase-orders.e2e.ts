import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { DEMO_KEYS } from '../../support/demo-keys';
import { demoPurchaseOrders } from './erp-fixtures';

describe('erp-api: purchase orders and supplier acknowledgements', () => {
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

  const get = (path: string, key: string) => api.request('GET', path, { key });
  const numbers = (body: { items: Array<{ number: string }> }) => body.items.map((p) => p.number).sort();
  const acknowledge = (plant: string, id: string, key: string, idempotencyKey: string, lines: unknown[]) =>
    api.request('POST', `/v1/plants/${plant}/purchase-orders/${id}/acknowledgements`, {
      key,
      headers: { 'idempotency-key': idempotencyKey },
      body: { lines },
    });

  it('shows a supplier only its own orders, whatever it asks for', async () => {
    const own = await get('/v1/plants/P200/purchase-orders', DEMO_KEYS.supplier1001);
    expect(own.status).toBe(200);
    expect(numbers(own.body)).toEqual(demoPurchaseOrders('SUP-1001', 'P200').sort());

    const sneaky = await get('/v1/plants/P200/purchase-orders?supplier=SUP-1002', DEMO_KEYS.supplier1001);
    expect(numbers(sneaky.body)).toEqual(demoPurchaseOrders('SUP-1001', 'P200').sort());

    const planner = await get('/v1/plants/P200/purchase-orders?supplier=SUP-1002', DEMO_KEYS.planner);
    expect(numbers(planner.body)).toEqual(demoPurchaseOrders('SUP-1002', 'P200').sort());
  });

  it("answers 404 for another supplier's order, exactly as for a missing one", async () => {
    const [foreign] = demoPurchaseOrders('SUP-1002', 'P200');
    const hidden = await get(`/v1/plants/P200/purchase-orders/${foreign}`, DEMO_KEYS.supplier1001);
    const missing = await get('/v1/plants/P200/purchase-orders/PO-P200-9999', DEMO_KEYS.supplier1001);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.type).toBe(missing.body.type);
    expect(hidden.body.title).toBe(missing.body.title);

    const attempt = await acknowledge('P200', foreign, DEMO_KEYS.supplier1001, 'e2e-ack-foreign', [{ lineNumber: 10, status: 'accepted' }]);
    expect(attempt.status).toBe(404);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'purchase.order.write' })).toBe(0);

    expect((await get(`/v1/plants/P200/purchase-orders/${foreign}`, DEMO_KEYS.planner)).status).toBe(200);
  });

  it('records an acknowledgement once per key and refuses the key with another body', async () => {
    const [number] = demoPurchaseOrders('SUP-1001', 'P100');
    const lines = [{ lineNumber: 10, status: 'changed', proposedDate: '2026-11-27', note: 'Tooling maintenance in week 47' }];
    const first = await acknowledge('P100', number, DEMO_KEYS.supplier1001, 'e2e-ack-1', lines);
    expect(first.status).toBe(200);
    expect(first.body.lines[0].acknowledgement).toMatchObject({ status: 'changed', proposedDate: '2026-11-27', note: 'Tooling maintenance in week 47' });
    expect(first.body.lines[0].acknowledgement.acknowledgedAt).toEqual(expect.any(String));

    const replay = await acknowledge('P100', number, DEMO_KEYS.supplier1001, 'e2e-ack-1', lines);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'purchase.order.write', businessKey: number })).toBe(1);

    const other = await acknowledge('P100', number, DEMO_KEYS.supplier1001, 'e2e-ack-1', [{ lineNumber: 10, status: 'accepted' }]);
    expect(other.status).toBe(422);

    const seen = await get(`/v1/plants/P100/purchase-orders/${number}`, DEMO_KEYS.planner);
    expect(seen.body.lines[0].acknowledgement.status).toBe('changed');
  });

  it('validates acknowledgements and lists every bad field', async () => {
    const [number] = demoPurchaseOrders('SUP-1001', 'P100');
    const bad = await acknowledge('P100', number, DEMO_KEYS.supplier1001, 'e2e-ack-bad', [
      { lineNumber: 0, status: 'maybe' },
      { lineNumber: 10, status: 'changed' },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['lines[0].lineNumber', 'lines[0].status', 'lines[1].proposedDate']);
    const unknownLine = await acknowledge('P100', number, DEMO_KEYS.planner, 'e2e-ack-line', [{ lineNumber: 990, status: 'accepted' }]);
    expect(unknownLine.status).toBe(400);
    expect(unknownLine.body.type).toMatch(/unknown-line$/);
  });

  it('lists a supplier’s orders across every plant for the portal, page by page', async () => {
    const expected = demoPurchaseOrders('SUP-1001').sort();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/v1/purchase-orders?limit=1${cursor ? `&cursor=${cursor}` : ''}`, DEMO_KEYS.supplier1001);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((p: { number: string }) => p.number));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen.sort()).toEqual(expected);
    expect(new Set(seen.map((n) => n.slice(3, 7))).size).toBeGreaterThan(1);

    const planner = await get('/v1/purchase-orders?supplier=SUP-1002&limit=100', DEMO_KEYS.planner);
    expect(numbers(planner.body)).toEqual(demoPurchaseOrders('SUP-1002').sort());
    expect((await get('/v1/purchase-orders', DEMO_KEYS.mesP100)).status).toBe(403);
  });
});
