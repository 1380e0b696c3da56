import type { ProductionConfirmation } from '@plantsync/canonical';
import { SyncObservationReporter, SystemApiError } from '@plantsync/clients';

/**
 * Tells sync health (reconciliation) how each confirmation went, in the production domain: posted
 * (lag = MES reportedAt → now), dead-lettered (reason and impact for a supervisor), or held up by
 * a system that did not answer (retried). Fire and forget: the reporter only buffers.
 */
export class ProductionSyncObserver {
  constructor(private readonly reporter: SyncObservationReporter) {}

  posted(c: ProductionConfirmation, postedAt: Date): void {
    this.reporter.report({ ...this.base(c), outcome: 'success', postedAt: postedAt.toISOString() });
  }

  deadLettered(c: ProductionConfirmation, reason: string): void {
    this.reporter.report({
      ...this.base(c),
      outcome: 'dead_letter',
      reason,
      impact: `ERP and WMS at ${c.plant} do not show ${this.reported(c)} on order ${c.productionOrder} (message ${c.messageId}) until the message is fixed and replayed.`,
    });
  }

  /** A transient failure: the delivery is retried, the posting is late. */
  heldUp(c: ProductionConfirmation, error: unknown): void {
    const why = error instanceof SystemApiError ? `${error.api} ${error.detail ?? error.message}` : error instanceof Error ? error.message : String(error);
    this.reporter.report({
      ...this.base(c),
      outcome: 'failure',
      reason: `Posting message ${c.messageId} failed for now and is retried: ${why}`,
      impact: `ERP and WMS at ${c.plant} show ${this.reported(c)} on order ${c.productionOrder} late.`,
    });
  }

  /** `order/operation/sequence`: what a supervisor finds on the MES terminal. */
  private base(c: ProductionConfirmation) {
    return {
      plant: c.plant,
      domain: 'production' as const,
      businessKey: `${c.productionOrder}/${c.operation ?? '-'}/${c.sequence}`.slice(0, 128),
      eventTime: c.reportedAt,
    };
  }

  private reported(c: ProductionConfirmation): string {
    return `${c.yield.value} ${c.yield.unit} good and ${c.scrap.value} ${c.scrap.unit} scrap`;
  }
}
