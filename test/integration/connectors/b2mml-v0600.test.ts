import {
  BackendRejectedError,
  BackendTimeoutError,
  BackendUnavailableError,
  B2mmlMesConnector,
  b2mmlMesConnectorFactory,
  RecordNotFoundError,
} from '@plantsync/connectors';
import { expectValidB2mml } from '../../b2mml/b2mml-xsd';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { testLandscape } from '../../support/system-api.harness';

/** The b2mml-v0600 connector against the booted sandbox MES (real HTTP, real XML). */
describe('b2mml-v0600 connector against the sandbox MES', () => {
  let sandbox: SandboxHarness;
  let mes: B2mmlMesConnector;

  const order = (number: string) => ({
    number,
    item: 'ACT-2200',
    quantity: { value: '75', unit: 'EA' },
    plannedStart: '2026-11-05T06:00:00Z',
    plannedEnd: '2026-11-06T14:00:00Z',
    workCenter: 'P200-WC-ASSY1',
  });

  beforeAll(async () => {
    process.env.P200_MES_TOKEN = 'sandbox-demo-key';
    sandbox = await startSandbox();
    const binding = testLandscape(sandbox.url, 500).plant('P200').systems.mes;
    expect(b2mmlMesConnectorFactory.validate(binding, process.env)).toEqual([]);
    mes = b2mmlMesConnectorFactory.create('P200', binding) as B2mmlMesConnector;
  });

  afterEach(async () => sandbox.clearFaults());
  afterAll(async () => sandbox?.close());

  it('dispatches with the binding hierarchy scope and reads the work order back', async () => {
    const wo = await mes.dispatchWorkOrder({ correlationId: 'corr-b2mml-1', idempotencyKey: 'wo-118' }, order('MO-P200-000118'));
    expect(wo).toMatchObject({ id: 'WO-MO-P200-000118', plant: 'P200', status: 'dispatched', quantity: { value: '75', unit: 'EA' } });

    const [entry] = await sandbox.ledger({ plant: 'P200', operation: 'ProcessProductionSchedule', businessKey: 'MO-P200-000118' });
    expect(entry).toMatchObject({ idempotencyKey: 'wo-118', correlationId: 'corr-b2mml-1' });
    const xml = (entry.payload as { xml: string }).xml;
    expect(xml).toContain('<EquipmentID>MTY</EquipmentID>');
    await expectValidB2mml(xml);

    await expect(mes.getWorkOrder({}, 'WO-MO-P200-000118')).resolves.toEqual(wo);
  });

  it("lists the site's work orders with one GetProductionSchedule by hierarchy scope", async () => {
    await mes.dispatchWorkOrder({ idempotencyKey: 'wo-list-121' }, order('MO-P200-000121'));
    const all = await mes.listWorkOrders({ correlationId: 'corr-b2mml-list' });
    const numbers = all.map((wo) => wo.productionOrder);
    expect(numbers).toEqual(expect.arrayContaining(['MO-P200-0001', 'MO-P200-0007', 'MO-P200-0008', 'MO-P200-000121']));
    expect(numbers).toEqual([...numbers].sort());
    expect(all.find((wo) => wo.productionOrder === 'MO-P200-000121')).toMatchObject({ id: 'WO-MO-P200-000121', status: 'dispatched' });
    expect(await mes.listWorkOrders({}, { status: 'running' })).toEqual([expect.objectContaining({ productionOrder: 'MO-P200-0007', status: 'running' })]);
  });

  it('sends a retried dispatch as the same document: one work order, one ledger entry', async () => {
    const ctx = { idempotencyKey: 'wo-119' };
    const first = await mes.dispatchWorkOrder(ctx, order('MO-P200-000119'));
    const retry = await mes.dispatchWorkOrder(ctx, order('MO-P200-000119'));
    expect(retry).toEqual(first);
    expect(await sandbox.ledgerCount({ plant: 'P200', businessKey: 'MO-P200-000119' })).toBe(1);
  });

  it('classifies failures: unknown work order, missing credential, MES down, MES too slow', async () => {
    await expect(mes.getWorkOrder({}, 'WO-MO-P200-999999')).rejects.toBeInstanceOf(RecordNotFoundError);

    delete process.env.P200_MES_TOKEN;
    try {
      await expect(mes.getWorkOrder({}, 'WO-MO-P200-000118')).rejects.toBeInstanceOf(BackendRejectedError);
    } finally {
      process.env.P200_MES_TOKEN = 'sandbox-demo-key';
    }

    await sandbox.setFault('P200', 'mes', { downForSeconds: 30 });
    await expect(mes.dispatchWorkOrder({}, order('MO-P200-000120'))).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(mes.health({})).rejects.toBeInstanceOf(BackendUnavailableError);

    await sandbox.clearFaults();
    await sandbox.setFault('P200', 'mes', { latencyMs: 800 });
    await expect(mes.getWorkOrder({}, 'WO-MO-P200-000118')).rejects.toBeInstanceOf(BackendTimeoutError);

    await sandbox.clearFaults();
    await expect(mes.health({})).resolves.toBeUndefined();
    expect(await sandbox.ledgerCount({ plant: 'P200', businessKey: 'MO-P200-000120' })).toBe(0);
  });
});
