import {
  InsufficientStockError,
  SystemApiConflictError,
  SystemApiNotFoundError,
  SystemApiUnavailableError,
  WmsApiClient,
} from '@plantsync/clients';
import { isPermanentError } from '@plantsync/messaging';
import { DEMO_SCENARIOS } from '../../../apps/sandbox/src/dataset/scenarios';
import { DEMO_KEYS } from '../../support/demo-keys';
import { startSandbox, type SandboxHarness } from '../../support/sandbox.harness';
import { startSystemApi, type SystemApiHarness } from '../../support/system-api.harness';

const qty = (value: string, unit = 'EA') => ({ value, unit });

describe('WmsApiClient against the real wms-api and the sandbox WMS', () => {
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

  it('reports availability without stock in quality inspection, and lists the balances behind it', async () => {
    const { item, available } = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;
    const availability = await wms.getAvailability({}, 'P300', { item });
    expect(availability).toMatchObject({ plant: 'P300', item, availableToPromise: qty(available) });
    expect(Number(availability.qualityInspection.value)).toBeGreaterThan(0);

    const stock = await wms.listStock({}, 'P300', { item, status: 'unrestricted' });
    expect(stock.items.length).toBeGreaterThan(0);
    expect(stock.items.every((b) => b.item === item && b.stockStatus === 'unrestricted')).toBe(true);
  });

  it('reserves once per idempotency key, reads the reservation back and cancels it', async () => {
    const input = { item: 'BRKT-1042', quantity: qty('12'), reference: 'MO-P200-0005' };
    const ctx = { correlationId: 'clients-wms-rsv-1', idempotencyKey: 'order-release-MO-P200-0005-reserve-BRKT-1042' };
    const first = await wms.createReservation(ctx, 'P200', input);
    const again = await wms.createReservation(ctx, 'P200', input);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ plant: 'P200', item: 'BRKT-1042', quantity: qty('12'), status: 'open', reference: 'MO-P200-0005' });
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.create', businessKey: 'MO-P200-0005' })).toBe(1);

    // Another key is another reservation: the single entry above is the key's doing, not chance.
    const other = await wms.createReservation({ idempotencyKey: 'order-release-MO-P200-0005-reserve-BRKT-1042-b' }, 'P200', input);
    expect(other.id).not.toBe(first.id);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.create', businessKey: 'MO-P200-0005' })).toBe(2);

    expect(await wms.getReservation({}, 'P200', first.id)).toEqual(first);
    const cancelled = await wms.cancelReservation({ idempotencyKey: 'order-release-MO-P200-0005-unreserve-BRKT-1042' }, 'P200', first.id);
    expect(cancelled).toMatchObject({ id: first.id, status: 'cancelled' });
    await wms.cancelReservation({ idempotencyKey: 'order-release-MO-P200-0005-unreserve-BRKT-1042-b' }, 'P200', other.id);
  });

  it('a shortage is a permanent 409 that names item, requested and available', async () => {
    const { productionOrder, item, required, available } = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;
    const before = await sandbox.ledgerCount({ plant: 'P300', system: 'wms' });
    const error = await wms
      .createReservation({ idempotencyKey: `order-release-${productionOrder}-reserve-${item}` }, 'P300', { item, quantity: qty(required), reference: productionOrder })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientStockError);
    const shortage = error as InsufficientStockError;
    expect({ status: shortage.status, code: shortage.code, classification: shortage.classification }).toEqual({ status: 409, code: 'insufficient-stock', classification: 'conflict' });
    expect({ item: shortage.item, requested: shortage.requested, available: shortage.available }).toEqual({ item, requested: qty(required), available: qty(available) });
    expect(shortage.detail).toContain(item);
    expect(isPermanentError(shortage)).toBe(true);
    expect(await sandbox.ledgerCount({ plant: 'P300', system: 'wms' })).toBe(before);
  });

  it('a refused reservation stays refused under its key after stock arrives; a new key reserves', async () => {
    const { productionOrder, item, required } = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;
    const firstKey = `order-release-${productionOrder}-reserve-${item}`;
    await wms.createReceipt({ idempotencyKey: 'clients-receipt-SEAL-2535-1' }, 'P300', { item, quantity: qty('40'), location: 'P300-RM', reference: 'PO-P300-EXPEDITE/10' });

    // The system API replays the first answer of a key, 4xx included (IETF Idempotency-Key).
    const replayed = await wms.createReservation({ idempotencyKey: firstKey }, 'P300', { item, quantity: qty(required), reference: productionOrder }).catch((e: unknown) => e);
    expect(replayed).toBeInstanceOf(InsufficientStockError);

    const reserved = await wms.createReservation({ idempotencyKey: `${firstKey}-after-receipt` }, 'P300', { item, quantity: qty(required), reference: productionOrder });
    expect(reserved).toMatchObject({ item, quantity: qty(required), status: 'open' });
  });

  it('asks the availability of every component in one call and reserves them all or none, once per key', async () => {
    const [brkt, seal] = await wms.getAvailabilities({}, 'P200', ['BRKT-1042', 'SEAL-2535']);
    expect(brkt).toEqual(await wms.getAvailability({}, 'P200', { item: 'BRKT-1042' }));
    expect(seal!.item).toBe('SEAL-2535');

    const input = { reference: 'MO-P200-0016', lines: [{ item: 'BRKT-1042', quantity: qty('3') }, { item: 'SEAL-2535', quantity: qty('4') }] };
    const ctx = { correlationId: 'clients-wms-batch-1', idempotencyKey: 'order-release-MO-P200-0016-reserve-components' };
    const first = await wms.createReservations(ctx, 'P200', input);
    expect(await wms.createReservations(ctx, 'P200', input)).toEqual(first);
    expect(first.reservations.map((r) => [r.item, r.quantity, r.status])).toEqual([
      ['BRKT-1042', qty('3'), 'open'],
      ['SEAL-2535', qty('4'), 'open'],
    ]);
    expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.create', businessKey: 'MO-P200-0016' })).toBe(2);

    const sealAtp = (await wms.getAvailability({}, 'P200', { item: 'SEAL-2535' })).availableToPromise.value;
    const short = await wms
      .createReservations({ idempotencyKey: 'order-release-MO-P200-0017-reserve-components' }, 'P200', {
        reference: 'MO-P200-0017',
        lines: [{ item: 'BRKT-1042', quantity: qty('1') }, { item: 'SEAL-2535', quantity: qty(String(Number(sealAtp) + 1)) }],
      })
      .catch((e: unknown) => e);
    expect(short).toBeInstanceOf(InsufficientStockError);
    expect(short).toMatchObject({ item: 'SEAL-2535', available: qty(sealAtp) });
    expect(isPermanentError(short)).toBe(true);
    expect(await sandbox.ledgerCount({ plant: 'P200', businessKey: 'MO-P200-0017' })).toBe(0);
  });

  it('a reservation that does not exist is not_found', async () => {
    const error = await wms.getReservation({}, 'P100', 'RSV-P100-999999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SystemApiNotFoundError);
    expect(error).toMatchObject({ status: 404, classification: 'not_found' });
  });

  it('moves bearings from P100 Detroit to P300 through in transit: create, get, pick, ship, receive in two parts', async () => {
    const key = (step: string) => ({ correlationId: 'clients-wms-to-1', idempotencyKey: `inventory-transfer-clients-1-${step}` });
    const created = await wms.createTransferOrder(key('create'), 'P100', {
      item: 'BRG-6204',
      quantity: qty('30'),
      fromLocation: 'P100-RM',
      toPlant: 'P300',
      toLocation: 'P300-RM',
      reference: 'TRF-2026-0042',
    });
    expect(created).toMatchObject({ plant: 'P100', toPlant: 'P300', status: 'created', receivedQuantity: qty('0') });
    expect(await wms.getTransferOrder({}, 'P100', created.id)).toEqual(created);

    const tooEarly = await wms.shipTransferOrder(key('ship-early'), 'P100', created.id).catch((e: unknown) => e);
    expect(tooEarly).toBeInstanceOf(SystemApiConflictError);
    expect(tooEarly).toMatchObject({ code: 'invalid-state' });

    expect((await wms.pickTransferOrder(key('pick'), 'P100', created.id)).status).toBe('picked');
    expect((await wms.shipTransferOrder(key('ship'), 'P100', created.id)).status).toBe('shipped');
    expect((await wms.getAvailability({}, 'P300', { item: 'BRG-6204' })).inTransit).toEqual(qty('30'));

    const partial = await wms.receiveTransferOrder(key('receive-1'), 'P100', created.id, { quantity: qty('10') });
    expect(partial).toMatchObject({ status: 'partially_received', receivedQuantity: qty('10') });
    const over = await wms.receiveTransferOrder(key('receive-over'), 'P100', created.id, { quantity: qty('21') }).catch((e: unknown) => e);
    expect(over).toMatchObject({ status: 409, code: 'over-receipt', extensions: { requested: qty('21'), stillInTransit: qty('20') } });
    const received = await wms.receiveTransferOrder(key('receive-2'), 'P100', created.id, { quantity: qty('20') });
    expect(received).toMatchObject({ status: 'received', receivedQuantity: qty('30') });

    const ledger = await sandbox.ledger({ plant: 'P100', system: 'wms', businessKey: created.id });
    expect(ledger.map((e) => e.operation)).toEqual([
      'transfer-order.create',
      'transfer-order.pick',
      'transfer-order.ship',
      'transfer-order.receive',
      'transfer-order.receive',
    ]);
  });

  it('books a goods receipt once per idempotency key', async () => {
    const input = { item: 'BRKT-1042', quantity: qty('40'), location: 'P100-RM', reference: 'PO-P100-0003/10' };
    const ctx = { idempotencyKey: 'clients-receipt-PO-P100-0003-10' };
    const first = await wms.createReceipt(ctx, 'P100', input);
    expect(first).toMatchObject({ plant: 'P100', item: 'BRKT-1042', location: 'P100-RM', stockStatus: 'unrestricted', quantity: qty('40') });
    expect((await wms.createReceipt(ctx, 'P100', input)).id).toBe(first.id);
    expect(await sandbox.ledgerCount({ plant: 'P100', operation: 'receipt.create', businessKey: 'PO-P100-0003/10' })).toBe(1);
  });

  it("P200's WMS down for 30 s is transient with Retry-After; P100 answers meanwhile", async () => {
    await sandbox.setFault('P200', 'wms', { downForSeconds: 30 });
    try {
      const error = await wms
        .createReservation({ idempotencyKey: 'order-release-MO-P200-0006-reserve-BRKT-1042' }, 'P200', { item: 'BRKT-1042', quantity: qty('4'), reference: 'MO-P200-0006' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SystemApiUnavailableError);
      expect(error).toMatchObject({ status: 503, classification: 'unavailable', transient: true, context: { plant: 'P200', system: 'wms' } });
      expect((error as SystemApiUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
      expect(isPermanentError(error)).toBe(false);
      expect(await sandbox.ledgerCount({ plant: 'P200', operation: 'reservation.create', businessKey: 'MO-P200-0006' })).toBe(0);

      expect((await wms.getAvailability({}, 'P100', { item: 'BRKT-1042' })).plant).toBe('P100');
    } finally {
      await sandbox.clearFaults();
    }
  });
});
