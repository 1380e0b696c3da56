import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxStore } from './sandbox-store';

interface ManufacturingOrder {
  name: string;
  product: string;
  qty: string;
  state: string;
}

describe('SandboxStore', () => {
  let dir: string;
  let file: string;
  let store: SandboxStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plantsync-sandbox-store-'));
    file = join(dir, 'nested', 'sandbox.sqlite');
    store = new SandboxStore(file);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts, gets, lists in insertion order, counts and deletes documents per collection', () => {
    const col = 'P100/erp/mrp.production';
    store.put<ManufacturingOrder>(col, '12', {
      name: 'MO-P100-0012',
      product: 'ACT-2200',
      qty: '50',
      state: 'confirmed',
    });
    store.put<ManufacturingOrder>(col, '2', {
      name: 'MO-P100-0002',
      product: 'PMP-3100',
      qty: '12.5',
      state: 'draft',
    });
    store.put('P200/erp/mrp.production', '1', { name: 'MO-P200-0001' });
    // an update keeps the document's place in the listing
    store.put<ManufacturingOrder>(col, '12', {
      name: 'MO-P100-0012',
      product: 'ACT-2200',
      qty: '50',
      state: 'progress',
    });

    expect(store.get<ManufacturingOrder>(col, '12')?.state).toBe('progress');
    expect(store.get(col, '404')).toBeUndefined();
    expect(store.list<ManufacturingOrder>(col).map((d) => d.name)).toEqual([
      'MO-P100-0012',
      'MO-P100-0002',
    ]);
    expect(
      store.list<ManufacturingOrder>(col, (d) => d.state === 'draft').map((d) => d.qty),
    ).toEqual(['12.5']);
    expect(store.count(col)).toBe(2);
    expect(store.delete(col, '2')).toBe(true);
    expect(store.delete(col, '2')).toBe(false);
    expect(store.count(col)).toBe(1);
    expect(store.count('P200/erp/mrp.production')).toBe(1);
  });

  it('hands out durable, per-sequence ids', () => {
    expect([
      store.nextId('P100/erp/mrp.production'),
      store.nextId('P100/erp/mrp.production'),
    ]).toEqual([1, 2]);
    expect(store.nextId('P100/erp/stock.move')).toBe(1);
    store.close();
    store = new SandboxStore(file);
    expect(store.nextId('P100/erp/mrp.production')).toBe(3);
  });

  it('keeps documents across a close and re-open of the same file (WAL)', () => {
    store.put('P300/wms/reservation', 'RES-1', { item: 'BRG-6205', quantity: '2' });
    store.close();
    store = new SandboxStore(file);
    expect(store.get('P300/wms/reservation', 'RES-1')).toEqual({ item: 'BRG-6205', quantity: '2' });
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('rolls back every write of a failed transaction, sequences included', () => {
    expect(() =>
      store.transaction(() => {
        store.put('P100/wms/stock', 'BRKT-1042', { quantity: '150' });
        store.nextId('P100/wms/movement');
        throw new Error('posting rejected');
      }),
    ).toThrow('posting rejected');
    expect(store.get('P100/wms/stock', 'BRKT-1042')).toBeUndefined();
    expect(store.nextId('P100/wms/movement')).toBe(1);
    expect(store.transaction(() => 'committed')).toBe('committed');
  });

  it('refuses an async function in a transaction (it would commit before the promise settles)', () => {
    expect(() => store.transaction(async () => undefined)).toThrow(/synchronous/);
  });

  it('clear() wipes documents and sequences', () => {
    store.put('P100/erp/res.partner', '1', { name: 'Great Lakes Fasteners Inc.' });
    store.nextId('P100/erp/res.partner');
    store.clear();
    expect(store.count('P100/erp/res.partner')).toBe(0);
    expect(store.nextId('P100/erp/res.partner')).toBe(1);
  });
  describe('range reads (keyset pages)', () => {
    const col = 'P100/wms/stock';
    const ids = ['BRKT-1042|A', 'BRKT-1042|B', 'BRKT-1043|A', 'GSK-0110|A', 'SCR-M8X30|A'];

    beforeEach(() => {
      // Inserted out of order: a scan follows the ids, not insertion.
      for (const id of [...ids].reverse()) store.put(col, id, { id });
    });

    const read = (it: Iterable<{ id: string }>, n = Infinity) => {
      const out: string[] = [];
      for (const d of it) {
        if (out.length === n) break;
        out.push(d.id);
      }
      return out;
    };

    it('scans ids in order after a key and below a bound, across chunks', () => {
      expect(read(store.scan(col, {}, 2))).toEqual(ids);
      expect(read(store.scan(col, { after: 'BRKT-1042|B' }, 2))).toEqual(ids.slice(2));
      expect(read(store.scan(col, { after: 'BRKT-1043|A', inclusive: true, before: 'SCR' }, 1))).toEqual(['BRKT-1043|A', 'GSK-0110|A']);
      expect(read(store.scan(col, { after: 'BRKT' }), 2)).toEqual(ids.slice(0, 2));
    });

    it('scans by a secondary key in its order (ties by id), forgetting deleted documents', () => {
      store.setKey(col, 'by_lot', 'SCR-M8X30|A', 'L1');
      store.setKey(col, 'by_lot', 'BRKT-1042|A', 'L2');
      store.setKey(col, 'by_lot', 'BRKT-1043|A', 'L2');
      store.setKey(col, 'by_lot', 'GSK-0110|A', 'L3');
      expect(read(store.scanByKey(col, 'by_lot', {}, 1))).toEqual(['SCR-M8X30|A', 'BRKT-1042|A', 'BRKT-1043|A', 'GSK-0110|A']);
      expect(read(store.scanByKey(col, 'by_lot', { after: 'L2', inclusive: true, before: 'L2', beforeInclusive: true }, 1))).toEqual([
        'BRKT-1042|A',
        'BRKT-1043|A',
      ]);
      store.setKey(col, 'by_lot', 'SCR-M8X30|A', 'L9'); // re-keyed
      store.delete(col, 'BRKT-1043|A');
      store.setKey(col, 'by_lot', 'GSK-0110|A', null); // no key: not in the order
      expect(read(store.scanByKey(col, 'by_lot', { after: 'L1' }))).toEqual(['BRKT-1042|A', 'SCR-M8X30|A']);
    });
  });
});
