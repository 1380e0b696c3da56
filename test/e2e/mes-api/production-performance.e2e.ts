import { buildSyncProductionPerformance } from '@plantsync/connectors';
import { DataSource } from 'typeorm';
import { expectValidB2mml } from '../../b2mml/b2mml-xsd';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';
import { confirmation } from './mes-fixtures';

const PATH = '/v1/plants/P100/production-performance';

/** The inbound must behave the same on both databases the platform runs on. */
describe.each(['sqlite', 'postgres'] as const)('mes-api production-performance inbound (%s)', (database) => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('mes-api', { sandboxUrl: sandbox.url, database });
  });

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const rowsOf = async (messageId: string): Promise<number> => {
    const rows = await api.app
      .get(DataSource)
      .getRepository('InboundConfirmationEntity')
      .count({ where: { plant: 'P100', messageId } });
    return rows;
  };

  it('stores one JSON confirmation and answers 202 with a receipt', async () => {
    const c = confirmation();
    const res = await api.request('POST', PATH, { key: DEMO_KEYS.mesP100, body: c });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      receiptId: expect.any(String),
      accepted: [c.messageId],
      duplicates: [],
      receivedAt: expect.any(String),
    });
    expect(await rowsOf(c.messageId)).toBe(1);

    const stored = await api.request('GET', `${PATH}/${c.messageId}`, { key: DEMO_KEYS.mesP100 });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ messageId: c.messageId, status: 'received', productionOrder: 'MO-P100-000031', format: 'json' });
    expect(stored.body.confirmation.yield).toEqual({ value: '118', unit: 'EA' });
  });

  it('answers a repeated message as a duplicate and stores it once', async () => {
    const c = confirmation();
    const first = await api.request('POST', PATH, { key: DEMO_KEYS.mesP100, body: c });
    const again = await api.request('POST', PATH, { key: DEMO_KEYS.mesP100, body: c });
    expect(first.body.accepted).toEqual([c.messageId]);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ accepted: [], duplicates: [c.messageId] });
    expect(await rowsOf(c.messageId)).toBe(1);
  });

  it('stores each message of concurrent posts of the same batch exactly once', async () => {
    const batch = { confirmations: [confirmation(), confirmation({ sequence: 2 })] };
    const answers = await Promise.all(
      [1, 2, 3].map(() => api.request('POST', PATH, { key: DEMO_KEYS.service, body: batch })),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    const acceptedTimes = answers.flatMap((a) => a.body.accepted as string[]);
    expect(acceptedTimes.sort()).toEqual(batch.confirmations.map((c) => c.messageId).sort());
    for (const c of batch.confirmations) expect(await rowsOf(c.messageId)).toBe(1);
  });

  it('takes a JSON batch of 1,000 and refuses 1,001', async () => {
    const confirmations = Array.from({ length: 1000 }, (_, i) => confirmation({ sequence: i + 1 }));
    const res = await api.request('POST', PATH, { key: DEMO_KEYS.mesP100, body: { confirmations } });
    expect(res.status).toBe(202);
    expect(res.body.accepted).toHaveLength(1000);

    const tooMany = await api.request('POST', PATH, {
      key: DEMO_KEYS.mesP100,
      body: { confirmations: [...confirmations, confirmation()] },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('confirmations');
  });

  it('refuses a batch with bad confirmations, listing every bad field with its index, and stores nothing', async () => {
    const good = confirmation();
    const bad = { ...confirmation(), yield: { value: '12,5', unit: 'EA' }, sequence: 0 };
    const foreign = confirmation({ plant: 'P200' });
    const res = await api.request('POST', PATH, { key: DEMO_KEYS.mesP100, body: { confirmations: [good, bad, foreign] } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['confirmations[1].yield.value', 'confirmations[1].sequence', 'confirmations[2].plant']));
    expect(fields.some((f) => f.startsWith('confirmations[0]'))).toBe(false);
    expect(await rowsOf(good.messageId)).toBe(0);
  });

  it('accepts B2MML SyncProductionPerformance with several responses and answers duplicates the same way', async () => {
    const cs = [confirmation({ sequence: 1 }), confirmation({ sequence: 2, final: true, scrap: { value: '0', unit: 'EA' } })];
    const xml = buildSyncProductionPerformance(cs, {
      hierarchyScope: 'DET',
      application: { sender: 'MES-DET', bodId: `BOD-${cs[0].messageId}` },
    });
    await expectValidB2mml(xml);
    const res = await api.request('POST', PATH, { key: DEMO_KEYS.mesP100, rawBody: xml, contentType: 'application/xml' });
    expect(res.status).toBe(202);
    expect(res.body.accepted).toEqual(cs.map((c) => c.messageId));

    const stored = await api.request('GET', `${PATH}/${cs[1].messageId}`, { key: DEMO_KEYS.service });
    expect(stored.body).toMatchObject({ format: 'b2mml', sequence: 2 });
    expect(stored.body.confirmation).toMatchObject({ plant: 'P100', final: true, yield: { value: '118', unit: 'EA' }, scrap: { value: '0', unit: 'EA' } });

    const again = await api.request('POST', PATH, {
      key: DEMO_KEYS.mesP100,
      rawBody: xml,
      contentType: 'application/xml',
      headers: { accept: 'application/xml' },
    });
    expect(again.status).toBe(202);
    expect(again.headers.get('content-type')).toContain('application/xml');
    expect(again.body).toContain('<AcknowledgeProductionPerformance');
    await expectValidB2mml(again.body);
    for (const c of cs) expect(await rowsOf(c.messageId)).toBe(1);
  });

  it('refuses XML that is not B2MML, naming the problem', async () => {
    const res = await api.request('POST', PATH, { key: DEMO_KEYS.mesP100, rawBody: '<SyncProductionPerformance><DataArea>', contentType: 'application/xml' });
    expect(res.status).toBe(400);
    expect(res.body.code ?? res.body.type).toMatch(/invalid-b2mml/);
    expect(res.body.detail).toMatch(/not well-formed XML/);
  });

  it('lets an MES key post only for its own plant', async () => {
    const res = await api.request('POST', '/v1/plants/P200/production-performance', {
      key: DEMO_KEYS.mesP100,
      body: confirmation({ plant: 'P200' }),
    });
    expect(res.status).toBe(403);
    expect(res.body.type).toMatch(/plant-out-of-scope/);
  });

  it('refuses callers without a key (401) and suppliers (403)', async () => {
    expect((await api.request('POST', PATH, { body: confirmation() })).status).toBe(401);
    expect((await api.request('POST', PATH, { key: DEMO_KEYS.supplier1001, body: confirmation() })).status).toBe(403);
  });

  it('answers 404 for an unknown plant and an unknown message', async () => {
    expect((await api.request('POST', '/v1/plants/P999/production-performance', { key: DEMO_KEYS.service, body: confirmation({ plant: 'P999' }) })).status).toBe(404);
    expect((await api.request('GET', `${PATH}/MES-P100-never-sent`, { key: DEMO_KEYS.mesP100 })).status).toBe(404);
  });
});
