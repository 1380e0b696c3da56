import { expectValidB2mml } from '../../b2mml/b2mml-xsd';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

const PATH = '/v1/plants/P100/work-orders';

function order(number: string) {
  return {
    number,
    item: 'ACT-2200',
    quantity: { value: '120', unit: 'EA' },
    plannedStart: '2026-11-05T06:00:00Z',
    plannedEnd: '2026-11-06T14:00:00Z',
    workCenter: 'P100-WC-ASSY1',
  };
}

describe('mes-api work orders through the B2MML MES', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('mes-api', { sandboxUrl: sandbox.url, timeoutMs: 1000 });
  });

  afterEach(async () => sandbox.clearFaults());

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  it('dispatches a production order as a valid ProcessProductionSchedule and reads the work order back', async () => {
    const res = await api.request('POST', PATH, { key: DEMO_KEYS.planner, body: order('MO-P100-000031') });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: 'WO-MO-P100-000031',
      plant: 'P100',
      productionOrder: 'MO-P100-000031',
      item: 'ACT-2200',
      quantity: { value: '120', unit: 'EA' },
      producedQuantity: { value: '0', unit: 'EA' },
      scrapQuantity: { value: '0', unit: 'EA' },
      status: 'dispatched',
      plannedStart: '2026-11-05T06:00:00Z',
      plannedEnd: '2026-11-06T14:00:00Z',
      workCenter: 'P100-WC-ASSY1',
    });

    const entries = await sandbox.ledger({ plant: 'P100', system: 'mes', operation: 'ProcessProductionSchedule', businessKey: 'MO-P100-000031' });
    expect(entries).toHaveLength(1);
    const xml = (entries[0].payload as { xml: string }).xml;
    expect(xml).toContain('<EquipmentID>DET</EquipmentID>');
    await expectValidB2mml(xml);

    const read = await api.request('GET', `${PATH}/WO-MO-P100-000031`, { key: DEMO_KEYS.service });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: 'WO-MO-P100-000031', status: 'dispatched', productionOrder: 'MO-P100-000031' });
  });

  it('never creates a second work order for the same order, with or without Idempotency-Key', async () => {
    const body = order('MO-P100-000032');
    const first = await api.request('POST', PATH, { key: DEMO_KEYS.planner, body, headers: { 'idempotency-key': 'dispatch-32' } });
    const replay = await api.request('POST', PATH, { key: DEMO_KEYS.planner, body, headers: { 'idempotency-key': 'dispatch-32' } });
    const again = await api.request('POST', PATH, { key: DEMO_KEYS.service, body });
    expect([first.status, replay.status, again.status]).toEqual([201, 201, 201]);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'ProcessProductionSchedule', businessKey: 'MO-P100-000032' })).toBe(1);

    const otherBody = await api.request('POST', PATH, {
      key: DEMO_KEYS.planner,
      body: { ...body, quantity: { value: '80', unit: 'EA' } },
      headers: { 'idempotency-key': 'dispatch-32' },
    });
    expect(otherBody.status).toBe(422);
  });

  it('refuses a bad dispatch with every bad field listed', async () => {
    const before = await sandbox.ledgerCount({ plant: 'P100', system: 'mes' });
    const res = await api.request('POST', PATH, {
      key: DEMO_KEYS.planner,
      body: { number: '', item: 'ACT 2200', quantity: { value: 'many', unit: 'EA' }, plannedStart: 'tomorrow' },
    });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['number', 'item', 'quantity.value', 'plannedStart', 'plannedEnd']));
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'mes' })).toBe(before);
  });

  it("lists the plant's work orders from the MES (one GetProductionSchedule by site), filtered by status", async () => {
    const postings = await sandbox.ledgerCount({ plant: 'P100', system: 'mes' });
    const all = await api.request('GET', PATH, { key: DEMO_KEYS.service });
    expect(all.status).toBe(200);
    const numbers = all.body.items.map((wo: any) => wo.productionOrder);
    // The demo MES holds P100's released (dispatched), in-progress (running) and completed orders.
    expect(numbers).toEqual(expect.arrayContaining(['MO-P100-0001', 'MO-P100-0005', 'MO-P100-0006', 'MO-P100-0009', 'MO-P100-0010']));
    expect(numbers).toEqual([...numbers].sort());
    expect(numbers.every((n: string) => n.startsWith('MO-P100-'))).toBe(true);
    expect(all.body.items.find((wo: any) => wo.productionOrder === 'MO-P100-0005')).toMatchObject({
      id: 'WO-MO-P100-0005',
      plant: 'P100',
      status: 'running',
      producedQuantity: { value: '12', unit: 'EA' },
    });

    const running = await api.request('GET', `${PATH}?status=running`, { key: DEMO_KEYS.planner });
    expect(running.body.items.map((wo: any) => wo.productionOrder)).toEqual(['MO-P100-0005', 'MO-P100-0010']);
    expect((await api.request('GET', `${PATH}?status=completed`, { key: DEMO_KEYS.admin })).body.items.map((wo: any) => wo.id)).toEqual(['WO-MO-P100-0006']);

    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'mes' })).toBe(postings); // reads post nothing

    const bad = await api.request('GET', `${PATH}?status=finished`, { key: DEMO_KEYS.planner });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
    expect((await api.request('GET', PATH, { key: DEMO_KEYS.mesP100 })).status).toBe(403);
  });

  it('admits planners and services only, and knows only landscape plants', async () => {
    expect((await api.request('POST', PATH, { body: order('MO-P100-000033') })).status).toBe(401);
    expect((await api.request('POST', PATH, { key: DEMO_KEYS.mesP100, body: order('MO-P100-000033') })).status).toBe(403);
    expect((await api.request('POST', '/v1/plants/P999/work-orders', { key: DEMO_KEYS.planner, body: order('MO-P999-1') })).status).toBe(404);
    expect((await api.request('GET', `${PATH}/WO-MO-P100-999999`, { key: DEMO_KEYS.planner })).status).toBe(404);
  });

  it('answers 503 with Retry-After while the MES is down, 504 when it is too slow, and works again after', async () => {
    await sandbox.setFault('P100', 'mes', { downForSeconds: 30 });
    const down = await api.request('POST', PATH, { key: DEMO_KEYS.planner, body: order('MO-P100-000034') });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBeTruthy();

    await sandbox.clearFaults();
    await sandbox.setFault('P100', 'mes', { latencyMs: 1500 });
    const slow = await api.request('GET', `${PATH}/WO-MO-P100-000031`, { key: DEMO_KEYS.planner });
    expect(slow.status).toBe(504);

    await sandbox.clearFaults();
    const ok = await api.request('POST', PATH, { key: DEMO_KEYS.planner, body: order('MO-P100-000034') });
    expect(ok.status).toBe(201);
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'ProcessProductionSchedule', businessKey: 'MO-P100-000034' })).toBe(1);
  });
});
