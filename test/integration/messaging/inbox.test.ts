import {
  createEvent,
  eventDeliveryProcessor,
  EventTypes,
  InboxGuard,
  InboxMessage,
  OutboxEvent,
  OutboxWriter,
  type CloudEvent,
  type EventConsumer,
} from '@plantsync/messaging';
import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { messagingFixture, type MessagingFixture } from './messaging-fixture';

/** Reacts to MaterialReserved by emitting ProductionOrderReleaseRequested: its effect is an outbox row. */
class ReleaseOnReservation implements EventConsumer {
  readonly subscriber = 'order-release';
  failNext = false;
  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const data = event.data as { plant: string; productionOrder: string };
    await new OutboxWriter().write(
      manager,
      createEvent({
        type: EventTypes.ProductionOrderReleaseRequested,
        source: '/plantsync/order-release',
        subject: event.subject,
        data: { plant: data.plant, productionOrder: data.productionOrder, requestedBy: 'order-release' },
        correlationId: event.correlationid,
        causationId: event.id,
      }),
    );
    if (this.failNext) {
      this.failNext = false;
      throw new Error('worker lost its database connection');
    }
  }
}

describe.each(['sqlite', 'postgres'] as const)('inbox on %s', (kind) => {
  let fx: MessagingFixture;
  let inbox: InboxGuard;

  beforeAll(async () => {
    fx = await messagingFixture('inbox', kind);
    inbox = new InboxGuard(fx.dataSource);
  });
  afterAll(async () => fx?.cleanup([]));

  const reserved = createEvent({
    type: EventTypes.MaterialReserved,
    source: '/plantsync/wms-api',
    subject: 'P100/PO-5000',
    data: { plant: 'P100', productionOrder: 'PO-5000', reservation: 'RES-88', lines: [{ item: 'BRKT-1042', quantity: { value: '4', unit: 'EA' } }] },
    correlationId: 'corr-PO-5000',
  });
  const effects = () => fx.dataSource.getRepository(OutboxEvent).countBy({ type: EventTypes.ProductionOrderReleaseRequested });

  it('applies a redelivered event once', async () => {
    const consumer = new ReleaseOnReservation();
    const process = eventDeliveryProcessor(consumer, inbox);
    const job = { data: reserved } as Job;
    await process(job);
    await process(job); // redelivery (stalled job, or relay re-publish after the job was removed)
    await Promise.all([process(job), process(job)]); // and concurrently
    expect(await effects()).toBe(1);
    expect(await fx.dataSource.getRepository(InboxMessage).countBy({ eventId: reserved.id })).toBe(1);
  });

  it('rolls the inbox record back with a failed effect, so the retry applies it', async () => {
    const event = { ...reserved, id: 'a6a0f1c2-5b7e-4c36-9d0e-1f2a3b4c5d6e' };
    const consumer = new ReleaseOnReservation();
    consumer.failNext = true;
    const before = await effects();
    await expect(eventDeliveryProcessor(consumer, inbox)({ data: event } as Job)).rejects.toThrow('database connection');
    expect(await effects()).toBe(before);
    await eventDeliveryProcessor(consumer, inbox)({ data: event } as Job);
    expect(await effects()).toBe(before + 1);
  });

  it('keeps consumers apart: each subscriber applies the same event once', async () => {
    const applied: string[] = [];
    for (const consumer of ['order-release', 'production-sync', 'order-release'])
      await inbox.processOnce(consumer, reserved.id + '-x', async () => void applied.push(consumer));
    expect(applied).toEqual(['order-release', 'production-sync']);
  });
});
