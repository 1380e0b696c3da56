import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, ProcessJobs, type ProductionSyncPayload } from '@plantsync/messaging';
import { OrderSequencer } from './order-sequencer';

/**
 * SyncProductionConfirmations, scheduled PRODUCTION_SYNC_GAP_TIMEOUT_SECONDS after a confirmation
 * started waiting: catch the order's cursor up, and if a message still waits past the timeout,
 * raise the gap as an exception naming the missing sequence numbers.
 */
@Injectable()
@HandlesJob(ProcessJobs.SyncProductionConfirmations)
export class GapDeadlineHandler extends JobHandler<ProductionSyncPayload> {
  constructor(@Inject(OrderSequencer) private readonly sequencer: OrderSequencer) {
    super();
  }

  async handle(payload: ProductionSyncPayload): Promise<void> {
    // cursorId is `<plant>/<productionOrder>` (an order number never holds the plant's '/').
    const productionOrder = payload.cursorId.slice(payload.plant.length + 1);
    await this.sequencer.checkGaps(payload.plant, productionOrder);
  }
}
