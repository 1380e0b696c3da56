import { LedgerService } from '../ledger/ledger.service';
import { SandboxStore } from '../store/sandbox-store';
import { fingerprintOf } from './request-fingerprint';
import { SandboxIdempotencyConflict } from './sandbox-idempotency-conflict';
import { SandboxIdempotency } from './sandbox-idempotency.service';

describe('SandboxIdempotency', () => {
  const scope = { plant: 'P200', system: 'wms' };
  let store: SandboxStore;
  let ledger: LedgerService;
  let idempotency: SandboxIdempotency;
  let applied: number;

  /** A reservation posting as a WMS simulator would write it. */
  const reserve = (quantity: string) => () => {
    applied++;
    const id = store.nextId('P200/wms/reservation');
    store.put('P200/wms/reservation', String(id), { item: 'BRG-6205', quantity });
    ledger.record({
      plant: 'P200',
      system: 'wms',
      operation: 'reservation.create',
      payload: { quantity },
      result: { id },
    });
    return { id };
  };

  beforeEach(() => {
    store = new SandboxStore(':memory:');
    ledger = new LedgerService(store);
    idempotency = new SandboxIdempotency(store);
    applied = 0;
  });
  afterEach(() => store.close());

  it('applies once and replays the stored result for the same key and body', () => {
    const fp = fingerprintOf('POST', '/plants/P200/wms/v1/reservations', {
      item: 'BRG-6205',
      quantity: '25',
    });
    const first = idempotency.once(scope, 'res-MO-P200-0003-BRG-6205', fp, reserve('25'));
    const again = idempotency.once(scope, 'res-MO-P200-0003-BRG-6205', fp, reserve('25'));
    expect(first).toEqual({ result: { id: 1 }, replayed: false });
    expect(again).toEqual({ result: { id: 1 }, replayed: true });
    expect(applied).toBe(1);
    expect(ledger.count()).toBe(1);
  });

  it('throws SandboxIdempotencyConflict for the same key with another body, applying nothing', () => {
    idempotency.once(scope, 'k-1', fingerprintOf({ quantity: '25' }), reserve('25'));
    expect(() =>
      idempotency.once(scope, 'k-1', fingerprintOf({ quantity: '26' }), reserve('26')),
    ).toThrow(SandboxIdempotencyConflict);
    expect(applied).toBe(1);
    expect(ledger.count()).toBe(1);
  });

  it('scopes keys per plant and system', () => {
    const fp = fingerprintOf({ quantity: '1' });
    idempotency.once(scope, 'k-shared', fp, reserve('1'));
    expect(
      idempotency.once({ plant: 'P100', system: 'wms' }, 'k-shared', fp, reserve('1')).replayed,
    ).toBe(false);
    expect(applied).toBe(2);
  });

  it('without a key just applies, every time', () => {
    idempotency.once(scope, undefined, 'x', reserve('1'));
    idempotency.once(scope, undefined, 'x', reserve('1'));
    expect(applied).toBe(2);
    expect(ledger.count()).toBe(2);
  });

  it('remembers nothing when apply fails, so a retry applies', () => {
    expect(() =>
      idempotency.once(scope, 'k-fail', 'fp', () => {
        reserve('5')();
        throw new Error('insufficient stock');
      }),
    ).toThrow('insufficient stock');
    expect(ledger.count()).toBe(0);
    expect(store.count('P200/wms/reservation')).toBe(0);
    expect(idempotency.once(scope, 'k-fail', 'fp', reserve('5')).replayed).toBe(false);
  });

  it('fingerprints ignore key order but not values', () => {
    expect(fingerprintOf({ a: 1, b: '2' })).toBe(fingerprintOf({ b: '2', a: 1 }));
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: '1' }));
  });
});
