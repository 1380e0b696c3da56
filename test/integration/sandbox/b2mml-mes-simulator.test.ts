import { buildProcessProductionSchedule, parseAcknowledgeProductionSchedule, parseShowProductionSchedule } from '@plantsync/connectors';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';

/** The simulated plant MES as a B2MML client sees it. */
describe('sandbox B2MML MES simulator', () => {
  let sandbox: SandboxHarness;
  const url = () => `${sandbox.url}/plants/P300/mes/b2mml/production-schedules`;
  const auth = { authorization: 'Bearer sandbox-demo-key' };
  const schedule = (number: string, bodId: string, quantity = '40') =>
    buildProcessProductionSchedule(
      { number, item: 'SA-4103', quantity: { value: quantity, unit: 'EA' }, plannedStart: '2026-11-09', plannedEnd: '2026-11-10', workCenter: 'P300-WC-ASSY1' },
      { hierarchyScope: 'WRO', application: { sender: 'PLANTSYNC', bodId } },
    );
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url(), { method: 'POST', headers: { ...auth, 'content-type': 'application/xml', ...headers }, body });

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox?.close());

  it('seeds work orders for the in-progress production orders of the demo dataset', async () => {
    const res = await fetch(`${url()}/WO-MO-P300-0004`, { headers: auth });
    expect(res.status).toBe(200);
    const [wo] = parseShowProductionSchedule(await res.text(), 'P300');
    expect(wo).toMatchObject({ productionOrder: 'MO-P300-0004', status: 'running', producedQuantity: { value: '70', unit: 'EA' } });
  });

  it('creates one work order per order however often it is dispatched, and replays an Idempotency-Key', async () => {
    const first = await post(schedule('MO-P300-000201', 'BOD-1'), { 'idempotency-key': 'k-201' });
    expect(first.status).toBe(200);
    const ack = parseAcknowledgeProductionSchedule(await first.text(), 'P300');
    expect(ack).toMatchObject({ accepted: true, originalBodId: 'BOD-1' });
    expect(ack.workOrders[0]).toMatchObject({ id: 'WO-MO-P300-000201', status: 'dispatched' });

    // Same key, a re-sent document (new BODID): a replay. No key at all: the existing work order.
    expect((await post(schedule('MO-P300-000201', 'BOD-2'), { 'idempotency-key': 'k-201' })).status).toBe(200);
    expect((await post(schedule('MO-P300-000201', 'BOD-3'))).status).toBe(200);
    expect(await sandbox.ledgerCount({ plant: 'P300', operation: 'ProcessProductionSchedule', businessKey: 'MO-P300-000201' })).toBe(1);

    // Same key for a different order content: 422.
    expect((await post(schedule('MO-P300-000201', 'BOD-4', '99'), { 'idempotency-key': 'k-201' })).status).toBe(422);
  });

  it('answers 400 with a clear reason for malformed XML and for missing fields', async () => {
    const malformed = await post('<ProcessProductionSchedule><DataArea>');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(/malformed XML/);

    const missing = await post(schedule('MO-P300-000202', 'BOD-5').replace(/<MaterialDefinitionID>SA-4103<\/MaterialDefinitionID>/, ''));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toMatch(/MaterialProducedRequirement\/MaterialDefinitionID is missing/);
    expect(await sandbox.ledgerCount({ plant: 'P300', businessKey: 'MO-P300-000202' })).toBe(0);
  });

  it('refuses calls without a credential (401)', async () => {
    const res = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/xml' }, body: schedule('MO-P300-000203', 'BOD-6') });
    expect(res.status).toBe(401);
  });
});
