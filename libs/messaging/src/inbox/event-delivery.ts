import type { Job } from 'bullmq';
import type { CloudEvent } from '../events/cloud-event';
import type { EventConsumer } from './event-consumer';
import type { InboxGuard } from './inbox.guard';

/** The processor of a subscriber queue: the event's effect and its inbox record in one transaction. */
export function eventDeliveryProcessor(consumer: EventConsumer, inbox: InboxGuard) {
  return async (job: Job): Promise<void> => {
    const event = job.data as CloudEvent;
    await inbox.processOnce(consumer.subscriber, event.id, (manager) => consumer.handle(event, manager));
  };
}
