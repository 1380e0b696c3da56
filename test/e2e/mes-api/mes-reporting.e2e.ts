import { DataSource } from 'typeorm';
import { expectValidB2mml } from '../../b2mml/b2mml-xsd';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

/** The simulated plant MES reports production to the MES system API like a real one, end to end. */
describe('simulated MES reporting production to mes-api', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;
  const previousUrl = process.env.SANDBOX_MES_REPORT_URL;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('mes-api', { sandboxUrl: sandbox.url });
    process.env.SANDBOX_MES_REPORT_URL = api.url; // read by the simulator per report
  });

  afterAll(async () => {
    if (previousUrl === undefined) delete process.env.SANDBOX_MES_REPORT_URL;
    else process.env.SANDBOX_MES_REPORT_URL = previousUrl;
    await api?.close();
    await sandbox?.close();
  });

  const report = async (workOrder: string, body: Record<string, unknown>) => {
    const res = await fetch(`${sandbox.url}/admin/mes/P100/work-orders/${workOrder}/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  it('delivers each report once as valid B2MML, stores it, and resending a sequence is a duplicate', async () => {
    const dispatched = await api.request('POST', '/v1/plants/P100/work-orders', {
      key: DEMO_KEYS.planner,
      body: {
        number: 'MO-P100-000041',
        item: 'BRKT-1042',
        quantity: { value: '120', unit: 'EA' },
        plannedStart: '2026-11-05T06:00:00Z',
        plannedEnd: '2026-11-06T14:00:00Z',
        workCenter: 'P100-WC-ASSY1',
      },
    });
    expect(dispatched.status).toBe(201);

    const first = await report('WO-MO-P100-000041', { yield: '50', scrap: '1', final: false });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ sequence: 1, delivered: true, status: 202, resent: false });
    expect(first.body.response.accepted).toEqual([first.body.messageId]);

    const [sent] = await sandbox.ledger({ plant: 'P100', operation: 'SyncProductionPerformance', businessKey: 'MO-P100-000041' });
    await expectValidB2mml((sent.payload as { xml: string }).xml);

    const stored = await api.request('GET', `/v1/plants/P100/production-performance/${first.body.messageId}`, { key: DEMO_KEYS.mesP100 });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ status: 'received', format: 'b2mml', productionOrder: 'MO-P100-000041', sequence: 1 });
    expect(stored.body.confirmation).toMatchObject({
      plant: 'P100',
      yield: { value: '50', unit: 'EA' },
      scrap: { value: '1', unit: 'EA' },
      workCenter: 'P100-WC-ASSY1',
      final: false,
    });

    const resent = await report('WO-MO-P100-000041', { yield: '50', scrap: '1', final: false, sequence: 1 });
    expect(resent.body).toMatchObject({ resent: true, delivered: true, messageId: first.body.messageId });
    expect(resent.body.response.duplicates).toEqual([first.body.messageId]);

    const last = await report('WO-MO-P100-000041', { yield: 70, scrap: 0, final: true });
    expect(last.body).toMatchObject({ sequence: 2, delivered: true });

    const rows = await api.app.get(DataSource).getRepository('InboundConfirmationEntity').count({ where: { plant: 'P100' } });
    expect(rows).toBe(2);
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'SyncProductionPerformance', businessKey: 'MO-P100-000041' })).toBe(2);

    // The MES' own view (ShowProductionSchedule) now says the work order is complete.
    const workOrder = await api.request('GET', '/v1/plants/P100/work-orders/WO-MO-P100-000041', { key: DEMO_KEYS.planner });
    expect(workOrder.body).toMatchObject({ status: 'completed', producedQuantity: { value: '120', unit: 'EA' }, scrapQuantity: { value: '1', unit: 'EA' } });
    const show = await fetch(`${sandbox.url}/plants/P100/mes/b2mml/production-schedules/WO-MO-P100-000041`, {
      headers: { authorization: 'Bearer sandbox-demo-key' },
    });
    await expectValidB2mml(await show.text());
  });

  it('refuses reports for unknown work orders and bad quantities without sending anything', async () => {
    expect((await report('WO-MO-P100-999999', { yield: '1', scrap: '0', final: false })).status).toBe(404);
    const bad = await report('WO-MO-P100-000041', { yield: '-3', scrap: 'x', final: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/yield.*scrap.*final/);
  });

  it('says so when the MES system API refuses the report (502), and a resend delivers it', async () => {
    await api.request('POST', '/v1/plants/P100/work-orders', {
      key: DEMO_KEYS.planner,
      body: { number: 'MO-P100-000042', item: 'BRKT-1042', quantity: { value: '10', unit: 'EA' }, plannedStart: '2026-11-05', plannedEnd: '2026-11-06' },
    });
    process.env.SANDBOX_MES_API_KEY_P100 = DEMO_KEYS.mesP200; // the wrong plant's key → 403
    try {
      const refused = await report('WO-MO-P100-000042', { yield: '10', scrap: '0', final: true });
      expect(refused.status).toBe(502);
      expect(refused.body).toMatchObject({ delivered: false, status: 403 });
    } finally {
      delete process.env.SANDBOX_MES_API_KEY_P100;
    }
    const resent = await report('WO-MO-P100-000042', { yield: '10', scrap: '0', final: true, sequence: 1 });
    expect(resent.body).toMatchObject({ delivered: true, resent: true });
    expect(resent.body.response.accepted).toEqual([resent.body.messageId]);
  });
});
