import { SystemApiInvalidRequestError, SystemApiError, WmsApiClient } from '@plantsync/clients';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

describe('expected receipts (suppliers\' ship notices) through WmsApiClient, wms-api, rest-wms and the sandbox WMS', () => {
  let sandbox: SandboxHarness;
  let api: SystemApiHarness;
  let wms: WmsApiClient;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startSystemApi('wms-api', { sandboxUrl: sandbox.url });
    wms = new WmsApiClient({ baseUrl: api.url, apiKey: DEMO_KEYS.service });
  });

  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const input = {
    reference: 'ASN-SUP-1001-SH-88412',
    supplier: 'SUP-1001',
    expectedArrival: '2026-12-01T08:00:00Z',
    lines: [
      { item: 'SCR-M6X20', quantity: { value: '10', unit: 'BOX' }, lot: 'L-SCR-2611', purchaseOrder: 'PO-P100-0001', lineNumber: 10 },
      { item: 'SCR-M4X10', quantity: { value: '500', unit: 'EA' }, purchaseOrder: 'PO-P100-0001', lineNumber: 30 },
    ],
  } as Parameters<WmsApiClient['createExpectedReceipt']>[2];

  it('records an expected receipt once per idempotency key, in the purchase order units, booking no stock', async () => {
    const ctx = { idempotencyKey: 'graphql:demo-supplier-1001:asn-88412' };
    const first = await wms.createExpectedReceipt(ctx, 'P100', input);
    expect(first).toMatchObject({ plant: 'P100', reference: input.reference, supplier: 'SUP-1001', status: 'expected' });
    expect(first.id).toMatch(/^ER-P100-/);
    expect(first.lines).toEqual([
      { item: 'SCR-M6X20', quantity: { value: '10', unit: 'BOX' }, lot: 'L-SCR-2611', purchaseOrder: 'PO-P100-0001', lineNumber: 10 },
      { item: 'SCR-M4X10', quantity: { value: '500', unit: 'EA' }, purchaseOrder: 'PO-P100-0001', lineNumber: 30 },
    ]);
    const again = await wms.createExpectedReceipt(ctx, 'P100', input);
    expect(again.id).toBe(first.id);
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation: 'expected-receipt.create', businessKey: input.reference })).toBe(1);
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation: 'receipt.create' })).toBe(0);
  });

  it('refuses an unknown item and a non-positive quantity before anything is recorded', async () => {
    const unknown = { ...input, reference: 'ASN-SUP-1001-SH-00001', lines: [{ ...input.lines[0], item: 'NOPE-0001' }] };
    await expect(wms.createExpectedReceipt({ idempotencyKey: 'graphql:x:unknown-item' }, 'P100', unknown)).rejects.toBeInstanceOf(SystemApiError);
    const zero = { ...input, reference: 'ASN-SUP-1001-SH-00002', lines: [{ ...input.lines[0], quantity: { value: '0', unit: 'BOX' } }] };
    await expect(wms.createExpectedReceipt({ idempotencyKey: 'graphql:x:zero' }, 'P100', zero)).rejects.toBeInstanceOf(SystemApiInvalidRequestError);
    expect(await sandbox.ledgerCount({ plant: 'P100', system: 'wms', operation: 'expected-receipt.create', businessKey: 'ASN-SUP-1001-SH-00001' })).toBe(0);
  });
});
