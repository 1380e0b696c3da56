import { Inject, Injectable } from '@nestjs/common';
import {
  type CallContext,
  InventoryTransferApiClient,
  type InventoryTransferView,
  OrderReleaseApiClient,
  type OrderReleaseView,
  ProductionSyncApiClient,
  ReconciliationApiClient,
  type ReconciliationRunView,
} from '@plantsync/clients';
import { Landscape } from '@plantsync/landscape';
import { scrub } from '../../errors/format-error';
import { DashboardSource } from '../common';
import { OperationalExceptionKind as Kind, type OperationalExceptionModel } from './models/operational-exception.model';

/** How many records each source is asked for: a dashboard shows what is stuck now, not history. */
const PER_SOURCE = 200;

/** A planner's decision is not an exception; neither is a cancellation. */
const DECIDED_FAILURE_CODES = new Set(['rejected', 'cancelled']);

export interface ExceptionSource {
  source: DashboardSource;
  /** Which kinds it can yield: a source none of whose kinds is asked for is not called. */
  kinds: Kind[];
  read(ctx: CallContext, plant: string | undefined): Promise<OperationalExceptionModel[]>;
}

const exception = (e: Omit<OperationalExceptionModel, 'id'>): OperationalExceptionModel => ({ ...e, id: `${e.kind}:${e.reference}`, reason: scrub(e.reason) });

function releaseReason(release: OrderReleaseView): string {
  if (release.status === 'awaiting_approval') {
    const short = release.shortages.map((s) => `${s.item} (need ${s.required.value} ${s.required.unit}, ${s.available.value} available${s.purchaseOrders.length ? `, ${s.purchaseOrders.join(', ')} could cover it` : ''})`);
    return `Short of ${short.join('; ') || 'material'}; waiting for a planner to approve or reject${release.approvalDeadline ? ` by ${release.approvalDeadline}` : ''}`;
  }
  return release.failure ? `${release.failure.reason}${release.failure.step ? ` (step ${release.failure.step})` : ''}` : `Release ${release.status}`;
}

/** order-release: releases waiting for approval, and those that failed, expired or stopped in exception. */
@Injectable()
export class ReleaseExceptionSource implements ExceptionSource {
  readonly source = DashboardSource.ORDER_RELEASE;
  readonly kinds = [Kind.RELEASE_AWAITING_APPROVAL, Kind.RELEASE_FAILED];

  constructor(private readonly releases: OrderReleaseApiClient) {}

  async read(ctx: CallContext, plant: string | undefined): Promise<OperationalExceptionModel[]> {
    const statuses = ['awaiting_approval', 'failed', 'expired', 'exception'] as const;
    const pages = await Promise.all(statuses.map((status) => this.releases.listOrderReleases(ctx, { plant, status, limit: PER_SOURCE })));
    return pages
      .flatMap((p) => p.items)
      .filter((r) => r.status === 'awaiting_approval' || !DECIDED_FAILURE_CODES.has(r.failure?.code ?? ''))
      .map((r) =>
        exception({
          kind: r.status === 'awaiting_approval' ? Kind.RELEASE_AWAITING_APPROVAL : Kind.RELEASE_FAILED,
          source: this.source,
          plant: r.plant,
          businessKey: `${r.plant}/${r.productionOrder}`,
          reason: releaseReason(r),
          since: r.updatedAt,
          reference: r.id,
        }),
      );
  }
}

function transferReason(t: InventoryTransferView): string {
  const what = `${t.quantities.requested.value} ${t.quantities.requested.unit} ${t.item} ${t.fromPlant} → ${t.toPlant}`;
  return `${what}: ${t.failure?.reason ?? t.status}${t.failure?.step ? ` (step ${t.failure.step})` : ''}`;
}

/** inventory-transfer: transfers that failed or wait in exception. */
@Injectable()
export class TransferExceptionSource implements ExceptionSource {
  readonly source = DashboardSource.INVENTORY_TRANSFER;
  readonly kinds = [Kind.TRANSFER_FAILED];

  constructor(private readonly transfers: InventoryTransferApiClient) {}

  async read(ctx: CallContext, plant: string | undefined): Promise<OperationalExceptionModel[]> {
    const lists = await Promise.all((['failed', 'exception'] as const).map((status) => this.transfers.listInventoryTransfers(ctx, { plant, status })));
    return lists
      .flat()
      .filter((t) => !DECIDED_FAILURE_CODES.has(t.failure?.code ?? ''))
      .map((t) =>
        exception({
          kind: Kind.TRANSFER_FAILED,
          source: this.source,
          plant: t.fromPlant,
          businessKey: `${t.fromPlant}-${t.toPlant}/${t.item}`,
          reason: transferReason(t),
          since: t.updatedAt,
          reference: t.id,
        }),
      );
  }
}

/**
 * reconciliation: the differences of each plant's latest completed run that were not corrected
 * (raised for a data steward, or the correction failed). Older runs are superseded: a difference
 * that is still there shows up again in the latest run.
 */
@Injectable()
export class ReconciliationExceptionSource implements ExceptionSource {
  readonly source = DashboardSource.RECONCILIATION;
  readonly kinds = [Kind.RECONCILIATION_DIFFERENCE];

  constructor(
    private readonly reconciliation: ReconciliationApiClient,
    @Inject(Landscape) private readonly landscape: Landscape,
  ) {}

  async read(ctx: CallContext, plant: string | undefined): Promise<OperationalExceptionModel[]> {
    const runs = await this.reconciliation.listReconciliationRuns(ctx, { limit: 100 });
    const plants = plant ? [plant] : this.landscape.plants().map((p) => p.code);
    const plantsOfRun = latestCompletedRunPerPlant(runs, plants);
    const wanted = [...plantsOfRun.keys()].filter((id) => {
      const run = runs.find((r) => r.id === id)!;
      return (run.counts?.exceptions ?? 0) + (run.counts?.correctionFailures ?? 0) > 0;
    });
    const details = await Promise.all(wanted.map((id) => this.reconciliation.getReconciliationRun(ctx, id)));
    return details.flatMap((run) =>
      run.differences
        .filter((d) => d.action !== 'corrected' && plantsOfRun.get(run.id)!.has(d.plant))
        .map((d) =>
          exception({
            kind: Kind.RECONCILIATION_DIFFERENCE,
            source: this.source,
            plant: d.plant,
            businessKey: `${d.plant}/${d.item}@${d.location}${d.lot ? `/${d.lot}` : ''}`,
            reason: `${d.explanation} (ERP ${d.erpQuantity ?? 'none'}, WMS ${d.wmsQuantity ?? 'none'} ${d.unit}${d.action === 'correction_failed' ? '; the correction failed' : ''})`,
            since: run.finishedAt ?? run.startedAt,
            reference: `${run.id}#${d.seq}`,
          }),
        ),
    );
  }
}

/** Run id → the plants whose newest completed run it is (its own plant, or every plant for an all-plants run). */
function latestCompletedRunPerPlant(runs: ReconciliationRunView[], plants: string[]): Map<string, Set<string>> {
  const completed = runs.filter((r) => r.status === 'completed').sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const result = new Map<string, Set<string>>();
  for (const plant of plants) {
    const run = completed.find((r) => r.plant === plant || r.plant === null);
    if (!run) continue;
    result.set(run.id, (result.get(run.id) ?? new Set()).add(plant));
  }
  return result;
}

/** production-sync: open sequence gaps. */
@Injectable()
export class SequenceGapExceptionSource implements ExceptionSource {
  readonly source = DashboardSource.PRODUCTION_SYNC;
  readonly kinds = [Kind.SEQUENCE_GAP];

  constructor(private readonly productionSync: ProductionSyncApiClient) {}

  async read(ctx: CallContext, plant: string | undefined): Promise<OperationalExceptionModel[]> {
    const gaps = await this.productionSync.listSyncExceptions(ctx, { plant });
    return gaps
      .filter((g) => g.status === 'open')
      .map((g) =>
        exception({
          kind: Kind.SEQUENCE_GAP,
          source: this.source,
          plant: g.plant,
          businessKey: `${g.plant}/${g.productionOrder}`,
          reason: g.detail,
          since: g.openedAt,
          reference: g.id,
        }),
      );
  }
}
