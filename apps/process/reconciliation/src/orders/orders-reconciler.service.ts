import { Inject, Injectable } from '@nestjs/common';
import type { WorkOrder } from '@plantsync/canonical';
import { ErpApiClient, MesApiClient, SystemApiNotFoundError } from '@plantsync/clients';
import type { CallContext } from '@plantsync/connectors';
import { Landscape } from '@plantsync/landscape';
import { DataSource } from 'typeorm';
import { storeStewardExceptions } from '../runs/difference-store';
import { DomainReconciler } from '../runs/domain-reconciler';
import { ReconciliationDifference } from '../runs/reconciliation-difference.entity';
import type { OrdersRunCounts, ReconciliationRun } from '../runs/reconciliation-run.entity';
import { erpProductionOrders } from './erp-production-orders';
import { compareOrder, joinOrders, type OrderDifference } from './order-join';


/**
 * ERP production orders vs MES work orders, per plant: reads every ERP order (all pages) and every
 * MES work order, joins them on the order number and judges each pair by the status compatibility
 * table (order-status-compatibility.ts). Order status has no single system of record — the ERP
 * releases and cancels, the MES runs and completes — so every difference is an exception for a
 * data steward, never corrected by the run.
 */
@Injectable()
export class OrdersReconciler extends DomainReconciler {
  readonly domain = 'orders' as const;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ErpApiClient) private readonly erp: ErpApiClient,
    @Inject(MesApiClient) private readonly mes: MesApiClient,
    @Inject(Landscape) private readonly landscape: Landscape,
  ) {
    super();
  }

  systemOfRecord(): null {
    return null;
  }

  async run(run: ReconciliationRun): Promise<OrdersRunCounts> {
    const plants = run.plant ? [run.plant] : this.landscape.plants().map((p) => p.code);
    const counts: OrdersRunCounts = { erpOrders: 0, mesWorkOrders: 0, matched: 0, differences: 0, byKind: {}, corrected: 0, exceptions: 0, correctionFailures: 0 };
    const ctx: CallContext = { correlationId: run.correlationId };
    let seq = 0;
    for (const plant of plants) {
      const workOrders = await this.mes.listWorkOrders(ctx, plant);
      const suspects: OrderDifference[] = [];
      for await (const d of joinOrders(plant, erpProductionOrders(this.erp, ctx, plant), workOrders, counts)) suspects.push(d);
      const confirmed = await this.confirm(ctx, plant, suspects);
      // An order that agreed on the second look was mid-flight (e.g. released, dispatch under way).
      counts.matched += suspects.length - confirmed.length;
      await storeStewardExceptions(
        this.db,
        confirmed.map((d) => toRow(run, d, ++seq)),
        counts,
      );
    }
    return counts;
  }

  /**
   * Looks again at each suspect, both sides read afresh: the two listings are taken moments apart,
   * and an order release in between (ERP released, MES dispatch seconds later) must not reach a data
   * steward. One more MES listing and one ERP read per suspect; differences are few.
   */
  private async confirm(ctx: CallContext, plant: string, suspects: OrderDifference[]): Promise<OrderDifference[]> {
    if (suspects.length === 0) return [];
    const workOrders = new Map<string, WorkOrder>((await this.mes.listWorkOrders(ctx, plant)).map((wo) => [wo.productionOrder, wo]));
    const confirmed: OrderDifference[] = [];
    for (const suspect of suspects) {
      const order = await this.erp.getProductionOrder(ctx, plant, suspect.order).catch((e: unknown) => {
        if (e instanceof SystemApiNotFoundError) return undefined;
        throw e;
      });
      const difference = compareOrder(plant, suspect.order, order, workOrders.get(suspect.order));
      if (difference) confirmed.push(difference);
    }
    return confirmed;
  }
}

function toRow(run: ReconciliationRun, d: OrderDifference, seq: number): ReconciliationDifference {
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
    businessKey: d.order,
    erpStatus: d.erpStatus,
    wmsStatus: null,
    mesStatus: d.mesStatus,
    erpQuantity: null,
    wmsQuantity: null,
    unit: d.unit,
    missingIn: d.missingIn,
    explanation: d.explanation,
    action: 'exception' as const,
    actionDetail: JSON.stringify({
      forDataSteward: true,
      order: d.order,
      workOrder: d.workOrder,
      erpStatus: d.erpStatus,
      mesStatus: d.mesStatus,
      erpProduced: d.erpProduced,
      mesProduced: d.mesProduced,
      reason: 'No system of record for order status: the ERP releases and cancels orders, the MES runs and completes them.',
      check: d.check,
    }),
  });
}
