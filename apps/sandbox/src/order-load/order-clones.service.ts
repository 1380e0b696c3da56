import { Inject, Injectable } from '@nestjs/common';
import { formatDecimal, decimal } from '@plantsync/canonical';
import { SandboxStore } from '../core';
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
  /** Items of the template's BOM tree whose unrestricted stock was multiplied by count + 1. */
  stockScaled: string[];
}

export class CloneRefused extends Error {}

/**
 * Many orders like one the dataset already holds, for load runs (bench rows 3 and 4): N copies of a
 * template production order written straight into the plant's Odoo database, and the unrestricted
 * stock of every item in its BOM tree multiplied by N + 1 on both the ERP and the WMS side — so if
 * the template can be released or reported against with the stock there is, so can every copy.
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
      const items = this.bomTree(db, Number(idOf(template.product_id)));
      this.scaleStock(db, input.plant, items, input.count + 1);
      return { plant: input.plant, orders, stockScaled: [...items.values()].sort() };
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

  private scaleStock(db: OdooDatabase, plant: string, items: Map<number, string>, factor: number): void {
    for (const quant of db.all('stock.quant')) {
      if (!items.has(Number(idOf(quant.product_id)))) continue;
      if ((quant.x_stock_status || 'unrestricted') !== 'unrestricted') continue;
      db.update('stock.quant', quant.id, { quantity: Number(quant.quantity) * factor });
    }
    const codes = new Set(items.values());
    const collection = wmsCollections(plant).stock;
    for (const record of this.store.list<StockRecord>(collection)) {
      if (!codes.has(record.itemNumber) || record.stockStatus !== 'unrestricted') continue;
      const amount = formatDecimal(decimal(record.quantity.amount).times(factor));
      this.store.put<StockRecord>(collection, record.id, { ...record, quantity: { ...record.quantity, amount } });
    }
  }
}

/** Many2one values are stored as an id (or `[id, name]` once rendered). */
function idOf(value: OdooRecord[string]): unknown {
  return Array.isArray(value) ? value[0] : value;
}
