import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErpApiClient, WmsApiClient } from '@plantsync/clients';
import { Landscape, type SystemKind } from '@plantsync/landscape';
import { createEvent, EventTypes, OutboxEvent, OutboxRelay, OutboxWriter } from '@plantsync/messaging';
import { DataSource } from 'typeorm';
import { ReconciliationDifference, type DifferenceAction } from '../runs/reconciliation-difference.entity';
import { DIFFERENCE_INSERT_BATCH, insertDifferences } from '../runs/difference-store';
import { DomainReconciler } from '../runs/domain-reconciler';
import type { InventoryRunCounts, ReconciliationRun } from '../runs/reconciliation-run.entity';
import { compareStock, type MergeCounts, type StockDifference } from './balance-merge';
import { DifferenceTracer } from './difference-trace';
import { orphanedReservations, type OrphanedReservation } from './orphaned-reservations';
import { correctionKey, planCorrection } from './stock-correction';
import { STOCK_PAGE_SIZE, stockPages } from './stock-pages';


/**
 * Runs inventory reconciliation for a run's scope: streams ERP and WMS stock page by page through
 * the sort-merge, stores each difference with what was done about it, and corrects the ERP where
 * the WMS is the system of record (goods movement + InventoryAdjusted event).
 */
@Injectable()
export class InventoryReconciler extends DomainReconciler {
  readonly domain = 'inventory' as const;
  private readonly log = new Logger(InventoryReconciler.name);

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ErpApiClient) private readonly erp: ErpApiClient,
    @Inject(WmsApiClient) private readonly wms: WmsApiClient,
    @Inject(Landscape) private readonly landscape: Landscape,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(DifferenceTracer) private readonly tracer: DifferenceTracer,
  ) {
    super();
  }

  systemOfRecord(): SystemKind | null {
    return this.landscape.systemOfRecord('inventory') ?? null;
  }

  async run(run: ReconciliationRun): Promise<InventoryRunCounts> {
    const plants = run.plant ? [run.plant] : this.landscape.plants().map((p) => p.code);
    const counts: InventoryRunCounts = { erpBalances: 0, wmsBalances: 0, matched: 0, differences: 0, byKind: {}, corrected: 0, exceptions: 0, correctionFailures: 0 };
    let seq = 0;
    let pending: ReconciliationDifference[] = [];
    const flush = async () => {
      await insertDifferences(this.db, pending);
      pending = [];
    };
    for (const plant of plants) {
      const ctx = { correlationId: run.correlationId };
      const merge: MergeCounts = { erpBalances: 0, wmsBalances: 0, matched: 0 };
      const erp = stockPages((cursor) => this.erp.listStock(ctx, plant, { limit: STOCK_PAGE_SIZE, cursor }));
      const wms = stockPages((cursor) => this.wms.listStock(ctx, plant, { limit: STOCK_PAGE_SIZE, cursor }));
      // Corrections wait until the plant's merge is done: the pages are keyset pages read live, so
      // a posting mid-stream could add a balance ahead of the cursor that the merge would then
      // read as drift. Memory grows with the differences, not the balances.
      const corrections: Array<{ d: StockDifference; seq: number }> = [];
      for await (const d of compareStock(erp, wms, merge)) {
        seq++;
        counts.differences++;
        counts.byKind[d.kind] = (counts.byKind[d.kind] ?? 0) + 1;
        const plan = planCorrection(d, run.systemOfRecord ?? undefined, run.id);
        if (plan.kind === 'exception') {
          counts.exceptions++;
          pending.push(this.row(run, d, seq, 'exception', { reason: plan.reason, forDataSteward: true }));
        } else corrections.push({ d, seq });
        if (pending.length >= DIFFERENCE_INSERT_BATCH) await flush();
      }
      for (const { d, seq: n } of corrections) {
        const row = await this.correct(run, d, n, counts);
        if (row) pending.push(row);
        if (pending.length >= DIFFERENCE_INSERT_BATCH) await flush();
      }
      for await (const orphan of orphanedReservations(this.erp, this.wms, ctx, plant)) {
        seq++;
        counts.differences++;
        counts.byKind.orphaned_reservation = (counts.byKind.orphaned_reservation ?? 0) + 1;
        counts.exceptions++;
        pending.push(this.orphanRow(run, orphan, seq));
        if (pending.length >= DIFFERENCE_INSERT_BATCH) await flush();
      }
      counts.erpBalances += merge.erpBalances;
      counts.wmsBalances += merge.wmsBalances;
      counts.matched += merge.matched;
    }
    await flush();
    // After the corrections: the tracer leaves this run's own postings out of each trace.
    await this.tracer.trace(run);
    return counts;
  }

  /** Posts the correcting movement; returns the row to insert in a batch, or null when it was stored with its event. */
  private async correct(run: ReconciliationRun, d: StockDifference, seq: number, counts: InventoryRunCounts): Promise<ReconciliationDifference | null> {
    const plan = planCorrection(d, run.systemOfRecord ?? undefined, run.id);
    if (plan.kind === 'exception') return null;
    const idempotencyKey = correctionKey(run.id, d);
    try {
      const movement = await this.erp.postGoodsMovement({ correlationId: run.correlationId, idempotencyKey }, d.plant, plan.movement);
      const event = createEvent({
        // Derived from the posting's key: a run restarted after a crash re-posts under the same key
        // (applied once by the ERP) and finds its event already in the outbox.
        id: uuidFrom(idempotencyKey),
        type: EventTypes.InventoryAdjusted,
        source: '/plantsync/reconciliation',
        subject: `${d.plant}/${d.item}`,
        correlationId: run.correlationId,
        data: {
          plant: d.plant,
          location: d.location,
          item: d.item,
          ...(d.lot ? { lot: d.lot } : {}),
          delta: { value: plan.delta, unit: d.unit },
          reason: plan.reason,
        },
      });
      const row = this.row(run, d, seq, 'corrected', { system: 'erp', movement: plan.movement, idempotencyKey, erpMovement: movement, event: event.id, reason: plan.reason });
      await this.db.transaction(async (manager) => {
        await manager.getRepository(ReconciliationDifference).insert(row);
        if (!(await manager.getRepository(OutboxEvent).existsBy({ id: event.id }))) await this.outbox.write(manager, event);
      });
      this.relay.nudge();
      counts.corrected++;
      return null;
    } catch (e) {
      counts.correctionFailures++;
      this.log.warn(`correction of ${d.item} at ${d.plant}/${d.location} failed: ${(e as Error).message}`);
      return this.row(run, d, seq, 'correction_failed', { idempotencyKey, movement: plan.movement, error: (e as Error).message });
    }
  }

  /** Left to a person: whether the stock still belongs to another order is not the WMS' or ERP's to say. */
  private orphanRow(run: ReconciliationRun, { reservation: r, orderStatus }: OrphanedReservation, seq: number): ReconciliationDifference {
    return Object.assign(new ReconciliationDifference(), {
      id: `${run.id}:${seq}`,
      runId: run.id,
      seq,
      kind: 'orphaned_reservation',
      plant: r.plant,
      item: r.item,
      location: r.location ?? '',
      lot: r.lot ?? null,
      stockStatus: 'unrestricted',
      erpStatus: orderStatus,
      wmsStatus: null,
      erpQuantity: null,
      wmsQuantity: r.quantity.value,
      unit: r.quantity.unit,
      missingIn: null,
      explanation: `WMS reservation ${r.id} still holds ${r.quantity.value} ${r.quantity.unit} of ${r.item} for ${r.reference}, which the ERP has ${orderStatus}`,
      action: 'exception' as const,
      actionDetail: JSON.stringify({
        reservation: r.id,
        order: r.reference,
        orderStatus,
        forDataSteward: true,
        reason: `Cancel reservation ${r.id} in the WMS if no other order needs the stock.`,
      }),
    });
  }

  private row(run: ReconciliationRun, d: StockDifference, seq: number, action: DifferenceAction, detail: object): ReconciliationDifference {
    return Object.assign(new ReconciliationDifference(), {
      id: `${run.id}:${seq}`,
      runId: run.id,
      seq,
      kind: d.kind,
      plant: d.plant,
      item: d.item,
      location: d.location,
      lot: d.lot,
      stockStatus: d.stockStatus,
      erpStatus: d.erpStatus,
      wmsStatus: d.wmsStatus,
      erpQuantity: d.erpQuantity,
      wmsQuantity: d.wmsQuantity,
      unit: d.unit,
      missingIn: d.missingIn,
      explanation: d.explanation,
      action,
      actionDetail: JSON.stringify(detail),
    });
  }
}

/** A UUID-shaped id from a hash (the outbox id column holds 36 characters). */
function uuidFrom(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
