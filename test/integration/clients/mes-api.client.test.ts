import { ErpApiClient, MesApiClient, SystemApiNotFoundError } from '@plantsync/clients';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

describe('MesApiClient against the real mes-api and the sandbox MES', () => {
  let sandbox: SandboxHarness;
  let erpApi: SystemApiHarness;
  let mesApi: SystemApiHarness;
  let erp: ErpApiClient;
  let mes: MesApiClient;

  beforeAll(async () => {
    sandbox = await startSandbox();
    erpApi = await startSystemApi('erp-api', { sandboxUrl: sandbox.url });
    mesApi = await startSystemApi('mes-api', { sandboxUrl: sandbox.url });
    erp = new ErpApiClient({ baseUrl: erpApi.url, apiKey: DEMO_KEYS.service });
    mes = new MesApiClient({ baseUrl: mesApi.url, apiKey: DEMO_KEYS.service });
  });

  afterAll(async () => {
    await mesApi?.close();
    await erpApi?.close();
    await sandbox?.close();
  });

  it('dispatches the production order read from the ERP once per idempotency key and reads the work order back', async () => {
    const order = await erp.getProductionOrder({}, 'P100', 'MO-P100-0003');
    const ctx = { correlationId: 'clients-mes-dispatch-1', idempotencyKey: 'order-release-MO-P100-0003-dispatch' };

    // The whole ProductionOrder goes in; the client sends only what the MES API accepts.
    const workOrder = await mes.dispatchWorkOrder(ctx, 'P100', order);
    expect(workOrder).toMatchObject({
      plant: 'P100',
      productionOrder: 'MO-P100-0003',
      item: 'ACT-2250',
      quantity: { value: '20', unit: 'EA' },
      status: 'dispatched',
      plannedStart: order.plannedStart,
    });
    expect((await mes.dispatchWorkOrder(ctx, 'P100', order)).id).toBe(workOrder.id);
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'mes', operation: 'ProcessProductionSchedule', businessKey: 'MO-P100-0003' })).toBe(1);

    expect(await mes.getWorkOrder({}, 'P100', workOrder.id)).toMatchObject({ id: workOrder.id, status: 'dispatched', productionOrder: 'MO-P100-0003' });
  });

  it("lists the plant's work orders, optionally of one status", async () => {
    const all = await mes.listWorkOrders({ correlationId: 'clients-mes-list-1' }, 'P300');
    expect(all.map((wo) => wo.productionOrder)).toEqual(expect.arrayContaining(['MO-P300-0001', 'MO-P300-0004', 'MO-P300-0006']));
    expect(all.every((wo) => wo.plant === 'P300')).toBe(true);
    const running = await mes.listWorkOrders({}, 'P300', { status: 'running' });
    expect(running).toEqual([expect.objectContaining({ id: 'WO-MO-P300-0004', status: 'running', producedQuantity: { value: '70', unit: 'EA' } })]);
  });

  it('a work order the MES does not know is not_found', async () => {
    const error = await mes.getWorkOrder({}, 'P100', 'WO-MO-P100-9999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SystemApiNotFoundError);
    expect(error).toMatchObject({ status: 404, classification: 'not_found', api: 'mes-api', operation: 'getWorkOrder' });
  });
});
