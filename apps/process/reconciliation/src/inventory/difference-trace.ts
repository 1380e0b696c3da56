import { Inject, Injectable, Logger } from '@nestjs/common';
import type { GoodsMovementRecord } from '@plantsync/canonical';
import { ErpApiClient } from '@plantsync/clients';
import { DataSource } from 'typeorm';
import { ReconciliationDifference } from '../runs/reconciliation-difference.entity';
import type { ReconciliationRun } from '../runs/reconciliation-run.entity';

/** The differences a run lists (reconciliation-runs.service) are the ones worth a trace. */
export const TRACED_DIFFERENCES = 1000;
/** Postings kept per difference, newest first. */
export const TRACE_POSTINGS = 10;
/** ERP reads in flight at once: a run with many differences must not crowd out the plant's other callers. */
const TRACE_CONCURRENCY = 4;
/** Failed reads in a row after which the ERP history is taken to be down: the rest keep trace null untried. */
const GIVE_UP_AFTER = 5;

/** The key prefix of this run's own corrections (stock-correction.ts): they follow the difference, they do not explain it. */
const ownCorrectionPrefix = (runId: string) => `reconciliation-${runId}-`;

/** A trace's postings without this run's own corrections, at most TRACE_POSTINGS of them. */
export function explainingPostings(movements: GoodsMovementRecord[], runId: string): GoodsMovementRecord[] {
  const own = ownCorrectionPrefix(runId);
  return movements.filter((m) => !m.postingKey?.startsWith(own)).slice(0, TRACE_POSTINGS);
}

/**
 * Fills each listed inventory difference's trace with the ERP postings on its item × location × lot,
 * after the run has stored its differences. A read that fails leaves that trace null (and says why
 * in the log): a trace helps a data steward, it never decides whether the run succeeded.
 */
@Injectable()
export class DifferenceTracer {
  private readonly log = new Logger(DifferenceTracer.name);

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ErpApiClient) private readonly erp: ErpApiClient,
  ) {}

  /** Returns how many differences got a trace. */
  async trace(run: ReconciliationRun): Promise<number> {
    const repo = this.db.getRepository(ReconciliationDifference);
    const rows = await repo.find({
      select: { id: true, plant: true, item: true, location: true, lot: true },
      where: { runId: run.id },
      order: { seq: 'ASC' },
      take: TRACED_DIFFERENCES,
    });
    // An orphaned reservation may have no location: its item's whole history explains nothing.
    const traceable = rows.filter((r) => r.location);
    let traced = 0;
    let next = 0;
    let failedInRow = 0;
    const worker = async () => {
      while (next < traceable.length && failedInRow < GIVE_UP_AFTER) {
        const row = traceable[next++];
        try {
          const movements = await this.erp.listGoodsMovements({ correlationId: run.correlationId }, row.plant, {
            item: row.item,
            location: row.location!,
            ...(row.lot ? { lot: row.lot } : {}),
            // One more: this run's own correction may be among the newest.
            limit: TRACE_POSTINGS + 1,
          });
          await repo.update({ id: row.id }, { trace: JSON.stringify(explainingPostings(movements, run.id)) });
          traced++;
          failedInRow = 0;
        } catch (e) {
          failedInRow++;
          this.log.warn(`no trace for ${row.item} at ${row.plant}/${row.location ?? ''} (run ${run.id}): ${(e as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(TRACE_CONCURRENCY, traceable.length) }, worker));
    if (failedInRow >= GIVE_UP_AFTER && next < traceable.length)
      this.log.warn(`ERP movement history unavailable: ${traceable.length - next} more difference(s) of run ${run.id} left without a trace`);
    return traced;
  }
}
