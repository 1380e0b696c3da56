import { Inject, Injectable } from '@nestjs/common';
import { decimal, formatDecimal, type DecimalValue } from '@plantsync/canonical';
import { SandboxStore } from '../core';
import { DEMO_DATASET } from '../dataset/demo-dataset';
import { OdooDatabase } from '../erp/orm/odoo-database';
import type { OdooRecord } from '../erp/orm/odoo-model-spec';
import { wmsCollections, type StockRecord } from '../wms/wms.records';

/** Odoo mrp.production states a clone may take: planned (draft) to release, released (confirmed) to report against. */
export const CLONE_STATES = { planned: 'draft', released: 'confirmed' } as const;
export type CloneStatus = keyof typeof CLONE_STATES;

export interface CloneOrdersInput {
  plant: string;
  /** The template production order, e.g. MO-P100-0003 (its item, BOM, quantity, dates and work centre are copied). */
  from: string;
  count: number;
  /** Default: the template's own status when it is planned or released. */
  status?: CloneStatus;
}

export interface CloneOrdersResult {
  plant: string;
  orders: string[];
  /** Items of the template's BOM tree whose unrestricted stock grew by count × the dataset's balance. */
  stockAdded: string[];
}

export class CloneRefused extends Error {}

/**
 * Many orders like one the dataset already holds, for load runs (bench rows 3 and 4): N copies of a
 * template production order written straight into the plant's Odoo database, and for every item
 * in its BOM tree, N more times the demo dataset's unrestricted balance added to the same balance
 * on both the ERP and the WMS side — so if the template can be released or reported against with
 * the dataset's stock, so can every copy. Adding (not multiplying) keeps repeated calls linear.
 * Like the dataset seeding it writes no ledger entries: it is the state the plant starts from.
 */
@Injectable()
export class OrderClonesService {
  constructor(@Inject(SandboxStore) private readonly store: SandboxStore) {}

  clone(input: CloneOrdersInput): CloneOrdersResult {
    const db = new OdooDatabase(this.store, input.plant);
    return this.store.transaction(() => {
      const [template] = db.search('mrp.production', [['name', '=', input.from]]);
      if (!template) throw new CloneRefused(`no production order ${input.from} at ${input.plant}`);
      const state = input.status ? CLONE_STATES[input.status] : String(template.state);
      if (!Object.values(CLONE_STATES).includes(state as never))
        throw new CloneRefused(`${input.from} is ${String(template.state)}; name status planned or released to clone it`);
      const orders: string[] = [];
      for (let i = 0; i < input.count; i++) {
        // A durable sequence keeps names unique across calls (MO-P100-0003-C1, -C2, …).
        const name = `${input.from}-C${this.store.nextId(`order-clones/${input.plant}/${input.from}`)}`;
        const { id: _id, ...values } = template;
        db.insert('mrp.production', { ...values, name, state, qty_produced: 0 });
        orders.push(name);
      }
      const items = new Set(this.bomTree(db, Number(idOf(template.product_id))).values());
      this.addStock(db, input.plant, items, input.count);
      return { plant: input.plant, orders, stockAdded: [...items].sort() };
    });
  }

  /** Every component below a product, through the sub-assemblies' own BOMs (all revisions), by product id → code. */
  private bomTree(db: OdooDatabase, productId: number, seen = new Map<number, string>()): Map<number, string> {
    for (const bom of db.search('mrp.bom', [['product_id', '=', productId]])) {
      for (const line of db.search('mrp.bom.line', [['bom_id', '=', bom.id]])) {
        const component = Number(idOf(line.product_id));
        if (seen.has(component)) continue;
        seen.set(component, String(db.get('product.product', component)?.default_code ?? component));
        this.bomTree(db, component, seen);
      }
    }
    return seen;
  }

  /** Adds `times` × the dataset's unrestricted balance to each such balance of the items, ERP and WMS alike. */
  private addStock(db: OdooDatabase, plant: string, items: Set<string>, times: number): void {
    const extra = new Map<string, DecimalValue>();
    for (const row of DEMO_DATASET.stock) {
      if (row.plant !== plant || row.status !== 'unrestricted' || !items.has(row.item)) continue;
      const key = balanceKey(row.location, row.item, row.lot);
      extra.set(key, (extra.get(key) ?? decimal(0)).plus(decimal(row.quantity).times(times)));
    }
    for (const quant of db.all('stock.quant')) {
      if ((quant.x_stock_status || 'unrestricted') !== 'unrestricted') continue;
      const item = db.get('product.product', Number(idOf(quant.product_id)))?.default_code;
      const location = db.get('stock.location', Number(idOf(quant.location_id)))?.barcode;
      const lot = quant.lot_id ? db.get('stock.lot', Number(idOf(quant.lot_id)))?.name : undefined;
      const add = extra.get(balanceKey(String(location), String(item), lot ? String(lot) : undefined));
      if (add) db.update('stock.quant', quant.id, { quantity: Number(formatDecimal(decimal(Number(quant.quantity)).plus(add))) });
    }
    const collection = wmsCollections(plant).stock;
    for (const record of this.store.list<StockRecord>(collection)) {
      if (record.stockStatus !== 'unrestricted') continue;
      const add = extra.get(balanceKey(record.locationCode, record.itemNumber, record.lotNumber));
      if (!add) continue;
      const amount = formatDecimal(decimal(record.quantity.amount).plus(add));
      this.store.put<StockRecord>(collection, record.id, { ...record, quantity: { ...record.quantity, amount } });
    }
  }
}

const balanceKey = (location: string, item: string, lot: string | undefined) => `${location}|${item}|${lot ?? ''}`;

/** Many2one values are stored as an id (or `[id, name]` once rendered). */
function idOf(value: OdooRecord[string]): unknown {
  return Array.isArray(value) ? value[0] : value;
}
