import { Inject, Injectable } from '@nestjs/common';
import { convertQuantity, NoConversionError, Quantity, type Item, type UnitConversion } from '@plantsync/canonical';
import { ErpApiClient, MesApiClient, SystemApiNotFoundError, WmsApiClient } from '@plantsync/clients';
import type { CallContext } from '@plantsync/connectors';
import { Landscape, type SystemKind } from '@plantsync/landscape';
import { DataSource } from 'typeorm';
import { stockPages, STOCK_PAGE_SIZE } from '../inventory/stock-pages';
import { storeStewardExceptions } from '../runs/difference-store';
import { DomainReconciler } from '../runs/domain-reconciler';
import { ReconciliationDifference } from '../runs/reconciliation-difference.entity';
import type { MasterDataRunCounts, ReconciliationRun } from '../runs/reconciliation-run.entity';
import { checkAcrossPlants } from './cross-plant-check';
import { stockReferences, workOrderReferences, type StockReference, type WorkOrderReference } from './item-references';
import { checkPlantItems, type Convertible, type MasterDataDifference } from './plant-item-check';

/** The largest page erp-api serves. */
const ITEM_PAGE_SIZE = 200;

/**
 * Item master data, per plant and across plants (docs/reconciliation.md, "Master data"): every item
 * the plant's WMS stocks or its MES plans work for must be in the plant's ERP item master in a usable
 * unit, and an item code several plants' ERPs hold must carry the same base unit and lot control.
 * Reads only; every difference is an exception for a data steward — the WMS and MES APIs offer no
 * item-master writes, and across plants there is no winner.
 */
@Injectable()
export class MasterDataReconciler extends DomainReconciler {
  readonly domain = 'master_data' as const;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ErpApiClient) private readonly erp: ErpApiClient,
    @Inject(WmsApiClient) private readonly wms: WmsApiClient,
    @Inject(MesApiClient) private readonly mes: MesApiClient,
    @Inject(Landscape) private readonly landscape: Landscape,
  ) {
    super();
  }

  systemOfRecord(): SystemKind | null {
    return this.landscape.systemOfRecord('items') ?? null;
  }

  async run(run: ReconciliationRun): Promise<MasterDataRunCounts> {
    const everyPlant = this.landscape.plants().map((p) => p.code);
    const plants = run.plant ? [run.plant] : everyPlant;
    const counts: MasterDataRunCounts = { erpItems: 0, wmsItems: 0, mesItems: 0, sharedItems: 0, matched: 0, differences: 0, byKind: {}, corrected: 0, exceptions: 0, correctionFailures: 0 };
    const ctx: CallContext = { correlationId: run.correlationId };
    // Every plant's item master, also for a one-plant run: the cross-plant check needs the others.
    const itemMasters = new Map<string, Map<string, Item>>();
    for (const plant of everyPlant) itemMasters.set(plant, await this.itemMaster(ctx, plant));
    const found: MasterDataDifference[] = [];
    for (const plant of plants) {
      const items = itemMasters.get(plant)!;
      counts.erpItems += items.size;
      const stock = await stockReferences(stockPages((cursor) => this.wms.listStock(ctx, plant, { limit: STOCK_PAGE_SIZE, cursor })));
      const workOrders = workOrderReferences(await this.mes.listWorkOrders(ctx, plant));
      counts.wmsItems += stock.size;
      counts.mesItems += workOrders.size;
      const convertible = this.convertible(ctx, plant);
      const first = await checkPlantItems(plant, items, stock, workOrders, convertible);
      const confirmed = await this.confirm(ctx, plant, items, stock, workOrders, convertible, first.differences);
      counts.matched += first.matched + (first.differences.length - confirmed.length);
      found.push(...confirmed);
    }
    const across = checkAcrossPlants(itemMasters, new Set(plants));
    counts.sharedItems = across.sharedItems;
    found.push(...across.differences);
    await storeStewardExceptions(
      this.db,
      found.map((d, i) => toRow(run, d, i + 1)),
      counts,
    );
    return counts;
  }

  private async itemMaster(ctx: CallContext, plant: string): Promise<Map<string, Item>> {
    const items = new Map<string, Item>();
    let cursor: string | undefined;
    do {
      const page = await this.erp.listItems(ctx, plant, { limit: ITEM_PAGE_SIZE, cursor });
      for (const item of page.items) items.set(item.code, item);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  /** The ERP's conversions of an item, read once per item and run (only asked for when units differ). */
  private convertible(ctx: CallContext, plant: string): Convertible {
    const conversions = new Map<string, Promise<UnitConversion[]>>();
    return async (item, fromUnit, toUnit) => {
      if (!conversions.has(item)) conversions.set(item, this.erp.listUnitConversions(ctx, plant, item));
      try {
        convertQuantity(Quantity.of('1', fromUnit), toUnit, await conversions.get(item)!, item);
        return true;
      } catch (e) {
        if (e instanceof NoConversionError) return false;
        throw e;
      }
    };
  }

  /**
   * Looks again at each suspect item in the ERP: the item master is listed before the WMS and MES,
   * and an item created (or corrected) in between must not reach a data steward. One ERP read per
   * suspect; differences are few.
   */
  private async confirm(
    ctx: CallContext,
    plant: string,
    items: ReadonlyMap<string, Item>,
    stock: ReadonlyMap<string, StockReference>,
    workOrders: ReadonlyMap<string, WorkOrderReference>,
    convertible: Convertible,
    suspects: MasterDataDifference[],
  ): Promise<MasterDataDifference[]> {
    if (suspects.length === 0) return [];
    const fresh = new Map(items);
    for (const code of new Set(suspects.map((s) => s.item))) {
      const item = await this.erp.getItem(ctx, plant, code).catch((e: unknown) => {
        if (e instanceof SystemApiNotFoundError) return undefined;
        throw e;
      });
      if (item) fresh.set(code, item);
      else fresh.delete(code);
    }
    const only = <T>(refs: ReadonlyMap<string, T>, source: 'wms' | 'mes') =>
      new Map([...refs].filter(([code]) => suspects.some((s) => s.item === code && s.source === source)));
    return (await checkPlantItems(plant, fresh, only(stock, 'wms'), only(workOrders, 'mes'), convertible)).differences;
  }
}

function toRow(run: ReconciliationRun, d: MasterDataDifference, seq: number): ReconciliationDifference {
  return Object.assign(new ReconciliationDifference(), {
    id: `${run.id}:${seq}`,
    runId: run.id,
    seq,
    kind: d.kind,
    plant: d.plant,
    item: d.item,
    location: null,
    lot: null,
    stockStatus: null,
    businessKey: d.item,
    erpStatus: null,
    wmsStatus: null,
    mesStatus: null,
    erpQuantity: null,
    wmsQuantity: d.wmsQuantity,
    unit: d.unit,
    missingIn: d.missingIn,
    explanation: d.explanation,
    action: 'exception' as const,
    actionDetail: JSON.stringify({ source: d.source, ...d.detail }),
  });
}
