import { Inject, Injectable } from '@nestjs/common';
import { SandboxStore } from '../core';
import { DEMO_DATASET } from '../dataset/demo-dataset';
import { ODOO_UOM_NAMES } from '../erp/seed/seed-context';
import { OdooDatabase } from '../erp/orm/odoo-database';
import type { OdooRecord } from '../erp/orm/odoo-model-spec';
import { stockKey, wmsCollections, type StockRecord, type WmsStockStatus } from '../wms/wms.records';

export type DriftKind = 'drop' | 'double' | 'alter' | 'flip';

export interface BalanceRef {
  item: string;
  location: string;
  lot?: string;
  status?: WmsStockStatus;
}

export interface DriftInput extends BalanceRef {
  plant: string;
  kind: DriftKind;
  /** Which simulator drifts; default erp (so WMS, the demo's system of record, stays right). */
  system?: 'erp' | 'wms';
  /** alter: amount added (default 7); flip: the new status (default quality_inspection). */
  delta?: number;
  to?: WmsStockStatus;
}

/**
 * Synthetic stock landscapes for reconciliation proofs: the same N balances written straight into
 * a plant's Odoo quants and WMS stock (no postings, no ledger: it is the state both systems agree
 * on), and drift applied to one side the way a lost, doubled or mistyped posting would leave it.
 */
@Injectable()
export class StockLandscapeService {
  constructor(@Inject(SandboxStore) private readonly store: SandboxStore) {}

  seed(plant: string, count: number, replace: boolean): { plant: string; balances: number; sample: BalanceRef[] } {
    const db = new OdooDatabase(this.store, plant);
    return this.store.transaction(() => {
      if (replace) this.clear(db, plant);
      const items = this.items(db);
      const locations = this.locations(db, plant);
      if (items.length === 0 || locations.length === 0) throw new Error(`no items or locations to seed at ${plant}`);
      const sample: BalanceRef[] = [];
      for (let i = 0; i < count; i++) {
        const item = items[i % items.length];
        const location = locations[Math.floor(i / items.length) % locations.length];
        const lot = `SYN${String(i).padStart(7, '0')}`;
        const quantity = (i % 97) + 1;
        const lotId = db.insert('stock.lot', { name: lot, product_id: item.productId }).id;
        db.insert('stock.quant', { product_id: item.productId, location_id: location.id, lot_id: lotId, quantity, x_stock_status: 'unrestricted' });
        const id = stockKey(location.code, item.code, lot, 'unrestricted');
        this.store.put<StockRecord>(wmsCollections(plant).stock, id, {
          id,
          locationCode: location.code,
          itemNumber: item.code,
          lotNumber: lot,
          stockStatus: 'unrestricted',
          quantity: { amount: String(quantity), unit: item.unit },
        });
        if (sample.length < 100) sample.push({ item: item.code, location: location.code, lot, status: 'unrestricted' });
      }
      return { plant, balances: count, sample };
    });
  }

  drift(input: DriftInput): { system: 'erp' | 'wms'; before: string | null; after: string | null; status: string | null } {
    const system = input.system ?? 'erp';
    return this.store.transaction(() => (system === 'erp' ? this.driftErp(input) : this.driftWms(input)));
  }

  private driftErp(input: DriftInput) {
    const db = new OdooDatabase(this.store, input.plant);
    const status = input.status ?? 'unrestricted';
    const [quant] = db.search('stock.quant', [
      ['product_id.default_code', '=', input.item],
      ['location_id.barcode', '=', input.location],
      ['lot_id.name', '=', input.lot ?? false],
    ]).filter((q) => (q.x_stock_status || 'unrestricted') === status);
    if (!quant) throw new Error(`no ERP quant ${input.item} at ${input.location} lot ${input.lot ?? '-'} (${status}) at ${input.plant}`);
    const before = Number(quant.quantity);
    const change = applyDrift(input, before, status);
    if (change.quantity === null) db.remove('stock.quant', quant.id);
    else db.update('stock.quant', quant.id, { quantity: change.quantity, x_stock_status: change.status });
    return { system: 'erp' as const, before: String(before), after: change.quantity === null ? null : String(change.quantity), status: change.status };
  }

  private driftWms(input: DriftInput) {
    const status = input.status ?? 'unrestricted';
    const collection = wmsCollections(input.plant).stock;
    const id = stockKey(input.location, input.item, input.lot, status);
    const record = this.store.get<StockRecord>(collection, id);
    if (!record) throw new Error(`no WMS balance ${id} at ${input.plant}`);
    const before = Number(record.quantity.amount);
    const change = applyDrift(input, before, status);
    this.store.delete(collection, id);
    if (change.quantity !== null) {
      const next = { ...record, stockStatus: change.status as WmsStockStatus, quantity: { ...record.quantity, amount: String(change.quantity) } };
      next.id = stockKey(next.locationCode, next.itemNumber, next.lotNumber, next.stockStatus);
      this.store.put(collection, next.id, next);
    }
    return { system: 'wms' as const, before: String(before), after: change.quantity === null ? null : String(change.quantity), status: change.status };
  }

  private clear(db: OdooDatabase, plant: string): void {
    // Whole collections at once: a million quants deleted one by one took minutes.
    db.removeAll('stock.quant');
    this.store.deleteCollection(wmsCollections(plant).stock);
  }

  /** Demo items whose Odoo unit is the WMS stock unit, so both sides count in the same unit. */
  private items(db: OdooDatabase): Array<{ code: string; productId: number; unit: string }> {
    const uoms = new Map(db.all('uom.uom').map((u: OdooRecord) => [u.id, String(u.name)]));
    return DEMO_DATASET.items.flatMap((item) => {
      const [product] = db.search('product.product', [['default_code', '=', item.code]]);
      if (!product || uoms.get(product.uom_id as number) !== ODOO_UOM_NAMES[item.baseUnit]) return [];
      return [{ code: item.code, productId: product.id, unit: item.baseUnit }];
    });
  }

  private locations(db: OdooDatabase, plant: string): Array<{ code: string; id: number }> {
    const codes = DEMO_DATASET.plants.find((p) => p.code === plant)?.locations.filter((l) => l.kind !== 'transit').map((l) => l.code) ?? [];
    return codes.flatMap((code) => {
      const [location] = db.search('stock.location', [['barcode', '=', code]]);
      return location ? [{ code, id: location.id }] : [];
    });
  }
}

function applyDrift(input: DriftInput, before: number, status: string): { quantity: number | null; status: string } {
  switch (input.kind) {
    case 'drop':
      return { quantity: null, status };
    case 'double':
      return { quantity: before * 2, status };
    case 'alter':
      return { quantity: Math.round((before + (input.delta ?? 7)) * 1e6) / 1e6, status };
    case 'flip':
      return { quantity: before, status: input.to ?? 'quality_inspection' };
  }
}
