import { Inject, Injectable } from '@nestjs/common';
import { MesApiClient } from '@plantsync/clients';
import { HandlesJob, JobHandler, type CloudEvent, type JobPayload } from '@plantsync/messaging';
import { runWithCorrelation } from '@plantsync/platform';
import { OrderSequencer } from './order-sequencer';
import { PerformanceReceivedDelivery } from './performance-received.job';

interface PerformanceReceivedData {
  plant: string;
  productionOrder: string;
  messageId: string;
  sequence: number;
}

/**
 * mes-api stored a confirmation: fetch it by id (the event carries ids only), take it into the
 * order's sequence and post whatever is due. Safe to run twice: `take` stores a message once, and
 * every posting carries an idempotency key.
 */
@Injectable()
@HandlesJob(PerformanceReceivedDelivery)
export class PerformanceReceivedHandler extends JobHandler {
  constructor(
    @Inject(MesApiClient) private readonly mes: MesApiClient,
    @Inject(OrderSequencer) private readonly sequencer: OrderSequencer,
  ) {
    super();
  }

  async handle(payload: JobPayload): Promise<void> {
    const event = payload as unknown as CloudEvent<PerformanceReceivedData>;
    const { plant, messageId, productionOrder } = event.data;
    const correlationId = event.correlationid;
    await runWithCorrelation(correlationId, async () => {
      const stored = await this.mes.getProductionConfirmation({ correlationId }, plant, messageId);
      await this.sequencer.take(stored, event.id, correlationId);
      await this.sequencer.drain(plant, productionOrder);
      await this.sequencer.reportIfWaiting(plant, productionOrder, messageId);
    });
  }
}
