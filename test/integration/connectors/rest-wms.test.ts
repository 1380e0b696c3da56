import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Quantity, type Availability } from '@plantsync/canonical';
import {
  BackendRejectedError,
  RecordConflictError,
  RecordNotFoundError,
  restWmsConnectorFactory,
  type WmsConnector,
} from '@plantsync/connectors';
import type { SystemBinding } from '@plantsync/landscape';
import { DEMO_DATASET } from '../../../apps/sandbox/src/dataset/demo-dataset';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { sandboxCredentialsEnv } from '../../support/demo-keys';
import { testLandscape } from '../../support/system-api.harness';

/** Sum of a plant's demo stock of one item in one status, as the sandbox seeds it. */
function seeded(plant: string, item: string, status: string): string {
  return String(
    DEMO_DATASET.stock
      .filter((s) => s.plant === plant && s.item === item && s.status === status)
      .reduce((sum, s) => sum + Number(s.quantity), 0),
  );
}

describe('rest-wms connector against the sandbox WMS', () => {
  let sandbox: SandboxHarness;
  let bindingOf: (plant: string) => SystemBinding;
  let wms: (plant: string) => WmsConnector;

  beforeAll(async () => {
    Object.assign(process.env, sandboxCredentialsEnv());
    sandbox = await startSandbox();
    const landscape = testLandscape(sandbox.url);
    bindingOf = (plant) => landscape.system(plant, 'wms');
    wms = (plant) => restWmsConnectorFactory.create(plant, bindingOf(plant));
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('finds every operation of the published contract served by the sandbox (401 without a token, never 404)', async () => {
    const contract = parse(readFileSync(join(__dirname, '../../../docs/wms-contract.openapi.yaml'), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, item] of Object.entries(contract.paths)) {
      for (const method of Object.keys(item).filter((m) => ['get', 'post'].includes(m))) {
        const res = await fetch(`${sandbox.url}/plants/P100/wms${path.replace('{id}', 'RSV-P100-000001')}`, { method: method.toUpperCase() });
        expect({ path, method, status: res.status }).toEqual({ path, method, status: 401 });
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
    }
  });

  it('reports availability from the seeded balances, with quality-inspection stock apart', async () => {
    const a: Availability = await wms('P200').getAvailability({}, { item: 'STL-S355-5MM' });
    expect(a.unrestricted).toEqual(Quantity.of(seeded('P200', 'STL-S355-5MM', 'unrestricted'), 'KG'));
    expect(a.qualityInspection).toEqual(Quantity.of(seeded('P200', 'STL-S355-5MM', 'quality_inspection'), 'KG'));
    expect(a.availableToPromise).toEqual(a.unrestricted);
    expect(a.balances.every((b) => b.plant === 'P200' && b.item === 'STL-S355-5MM')).toBe(true);
  });

  it('posts a reservation once per idempotency key and carries the correlation id to the WMS', async () => {
    const input = { item: 'GSK-3100', quantity: Quantity.of('25', 'EA'), reference: 'MO-P200-000204' };
    const ctx = { correlationId: 'it-rest-wms-reserve-1', idempotencyKey: 'it-rest-wms-reserve-1' };
    const first = await wms('P200').createReservation(ctx, input);
    const again = await wms('P200').createReservation(ctx, input);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ plant: 'P200', item: 'GSK-3100', status: 'open', reference: 'MO-P200-000204' });
    const entries = await sandbox.ledger({ plant: 'P200', system: 'wms', operation: 'reservation.create', businessKey: 'MO-P200-000204' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ idempotencyKey: 'it-rest-wms-reserve-1', correlationId: 'it-rest-wms-reserve-1' });
    const availability = await wms('P200').getAvailability({}, { item: 'GSK-3100' });
    expect(availability.reserved).toEqual(Quantity.of('25', 'EA'));
  });

  it('turns a shortage into a conflict naming item, requested and available', async () => {
    const atp = (await wms('P200').getAvailability({}, { item: 'BRKT-1043' })).availableToPromise;
    const requested = Quantity.of(String(Number(atp.value) + 1), 'EA');
    const error = await wms('P200')
      .createReservation({}, { item: 'BRKT-1043', quantity: requested, reference: 'MO-P200-000205' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordConflictError);
    expect(error).toMatchObject({ code: 'insufficient-stock', details: { item: 'BRKT-1043', requested, available: atp } });
  });

  it('posts a reservation batch in one call: every line once per key, or none when a line is short', async () => {
    const input = {
      reference: 'MO-P200-000206',
      lines: [
        { item: 'GSK-3100', quantity: Quantity.of('4', 'EA') },
        { item: 'SEAL-2535', quantity: Quantity.of('6', 'EA') },
      ],
    };
    const ctx = { correlationId: 'it-rest-wms-batch-1', idempotencyKey: 'it-rest-wms-batch-1' };
    const first = await wms('P200').createReservations(ctx, input);
    expect(await wms('P200').createReservations(ctx, input)).toEqual(first);
    expect(first.map((r) => [r.item, r.quantity, r.status, r.reference])).toEqual([
      ['GSK-3100', Quantity.of('4', 'EA'), 'open', 'MO-P200-000206'],
      ['SEAL-2535', Quantity.of('6', 'EA'), 'open', 'MO-P200-000206'],
    ]);
    const entries = await sandbox.ledger({ plant: 'P200', system: 'wms', operation: 'reservation.create', businessKey: 'MO-P200-000206' });
    expect(entries.map((e) => e.idempotencyKey)).toEqual(['it-rest-wms-batch-1', 'it-rest-wms-batch-1']);

    const atp = (await wms('P200').getAvailability({}, { item: 'BRKT-1043' })).availableToPromise;
    const short = Quantity.of(String(Number(atp.value) + 1), 'EA');
    const error = await wms('P200')
      .createReservations({}, { reference: 'MO-P200-000207', lines: [{ item: 'GSK-3100', quantity: Quantity.of('1', 'EA') }, { item: 'BRKT-1043', quantity: short }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordConflictError);
    expect(error).toMatchObject({ code: 'insufficient-stock', details: { item: 'BRKT-1043', requested: short, available: atp } });
    expect(await sandbox.ledgerCount({ plant: 'P200', businessKey: 'MO-P200-000207' })).toBe(0);
  });

  it('reports an unknown reservation as not found, and an unknown item as not found', async () => {
    await expect(wms('P300').getReservation({}, 'RSV-P300-999999')).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(wms('P300').getAvailability({}, { item: 'NOT-AN-ITEM' })).rejects.toMatchObject({ code: 'item-not-found' });
  });

  it('fails with a misconfiguration error for a wrong warehouse code or a missing token', async () => {
    const wrongWarehouse = restWmsConnectorFactory.create('P100', { ...bindingOf('P100'), options: { warehouseCode: 'MTY1' } } as SystemBinding);
    await expect(wrongWarehouse.health({})).rejects.toBeInstanceOf(BackendRejectedError);
    const noToken = restWmsConnectorFactory.create('P100', { ...bindingOf('P100'), credentialsEnv: 'P100_WMS_TOKEN_NOT_SET' } as SystemBinding);
    await expect(noToken.health({})).rejects.toThrow(/refused Plantsync's credentials/);
    await expect(wms('P100').health({})).resolves.toBeUndefined();
  });
});
