import { SandboxStore } from '../store/sandbox-store';
import { LedgerService } from './ledger.service';

describe('LedgerService', () => {
  let store: SandboxStore;
  let ledger: LedgerService;

  beforeEach(() => {
    store = new SandboxStore(':memory:');
    ledger = new LedgerService(store);
  });
  afterEach(() => store.close());

  it('records entries with increasing seq and an ISO timestamp, and filters them', () => {
    const first = ledger.record({
      plant: 'P100',
      system: 'erp',
      operation: 'mrp.production.button_plan',
      idempotencyKey: 'release-MO-P100-0002-plan',
      correlationId: 'c-1',
      businessKey: 'MO-P100-0002',
      payload: { ids: [2] },
      result: true,
    });
    const second = ledger.record({
      plant: 'P100',
      system: 'wms',
      operation: 'reservation.create',
      businessKey: 'MO-P100-0002',
      payload: { item: 'BRKT-1042', quantity: '240', unit: 'EA' },
    });
    ledger.record({
      plant: 'P200',
      system: 'mes',
      operation: 'ProcessProductionSchedule',
      payload: '<xml/>',
    });

    expect(second.seq).toBe(first.seq + 1);
    expect(first.at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(ledger.count()).toBe(3);
    expect(ledger.list({ businessKey: 'MO-P100-0002' }).map((e) => e.operation)).toEqual([
      'mrp.production.button_plan',
      'reservation.create',
    ]);
    expect(ledger.list({ plant: 'P100', system: 'wms' })[0]).toEqual({
      seq: second.seq,
      at: second.at,
      plant: 'P100',
      system: 'wms',
      operation: 'reservation.create',
      businessKey: 'MO-P100-0002',
      payload: { item: 'BRKT-1042', quantity: '240', unit: 'EA' },
    });
    expect(ledger.count({ idempotencyKey: 'release-MO-P100-0002-plan' })).toBe(1);
    expect(ledger.list({ since: first.seq }).map((e) => e.seq)).toEqual([
      second.seq,
      second.seq + 1,
    ]);
    expect(ledger.list({ limit: 1 })).toHaveLength(1);
    expect(ledger.list({ operation: 'no.such.operation' })).toEqual([]);
  });

  it('commits with the posting or not at all when used inside a store transaction', () => {
    expect(() =>
      store.transaction(() => {
        store.put('P100/wms/stock', 'SCR-M6X20', { quantity: '800' });
        ledger.record({
          plant: 'P100',
          system: 'wms',
          operation: 'stock.move.create',
          payload: {},
        });
        throw new Error('validation failed after recording');
      }),
    ).toThrow();
    expect(ledger.count()).toBe(0);
  });
});
