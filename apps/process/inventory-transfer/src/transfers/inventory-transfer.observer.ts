import type { SyncObservationReporter } from '@plantsync/clients';
import { ProcessJobName } from '@plantsync/messaging';
import type { SagaExceptionInfo } from '@plantsync/saga';
import { transferReference, type TransferContext } from './inventory-transfer.context';

/** The ERP postings that follow the warehouse: a failure there leaves ERP stock behind the WMS. */
const POSTING_STEPS: readonly string[] = [ProcessJobName.PostGoodsIssue, ProcessJobName.PostGoodsReceipt];

/**
 * Tells sync health (reconciliation) how a transfer's ERP postings followed the warehouse, in the
 * inventory domain: the goods issue at the source (lag from the WMS shipment), the goods receipt at
 * the destination (lag from the WMS receipt), and a posting that became an exception. Fire and
 * forget: the reporter only buffers; a step retried after its run reports again (rare).
 */
export class InventoryTransferObserver {
  constructor(private readonly reporter: Pick<SyncObservationReporter, 'report'>) {}

  goodsIssuePosted(ctx: TransferContext, postedAt: string): void {
    this.reporter.report({
      plant: ctx.fromPlant,
      domain: 'inventory',
      businessKey: `${transferReference(ctx)}/goods-issue`,
      outcome: 'success',
      eventTime: ctx.shippedAt ?? postedAt,
      postedAt,
    });
  }

  goodsReceiptPosted(ctx: TransferContext, postedAt: string): void {
    this.reporter.report({
      plant: ctx.toPlant,
      domain: 'inventory',
      businessKey: `${transferReference(ctx)}/goods-receipt`,
      outcome: 'success',
      eventTime: ctx.receivedAt ?? ctx.shippedAt ?? postedAt,
      postedAt,
    });
  }

  /** The transfer waits for a person (exception): reported when it is one of the ERP postings. */
  exception(ctx: TransferContext, exception: SagaExceptionInfo): void {
    if (!POSTING_STEPS.includes(exception.step)) return;
    const issue = exception.step === ProcessJobName.PostGoodsIssue;
    const plant = issue ? ctx.fromPlant : ctx.toPlant;
    this.reporter.report({
      plant,
      domain: 'inventory',
      businessKey: `${transferReference(ctx)}/${issue ? 'goods-issue' : 'goods-receipt'}`,
      outcome: 'dead_letter',
      eventTime: (issue ? ctx.shippedAt : (ctx.receivedAt ?? ctx.shippedAt)) ?? new Date().toISOString(),
      reason: `Transfer ${transferReference(ctx)} of ${ctx.item}: the ERP ${issue ? 'goods issue' : 'goods receipt'} at ${plant} failed: ${exception.reason}`,
      impact: `ERP stock of ${ctx.item} at ${plant} does not show the transfer the warehouse already made; the transfer waits as an exception for a person to retry.`,
    });
  }
}
