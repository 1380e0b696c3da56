import { Injectable } from '@nestjs/common';
import { bulkInsert } from '@plantsync/persistence';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '../events/cloud-event';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Writes events into the outbox with the caller's EntityManager, i.e. inside the caller's
 * transaction: the state change and its events commit or roll back together. Call
 * `OutboxRelay.nudge()` after the commit to publish without waiting for the next poll.
 */
@Injectable()
export class OutboxWriter {
  async write(manager: EntityManager, ...events: CloudEvent[]): Promise<void> {
    if (events.length === 0) return;
    const now = new Date();
    // bulkInsert: positional parameters and no read-back (every column is given).
    await bulkInsert(
      manager,
      OutboxEvent,
      events.map((event) => ({
        id: event.id,
        type: event.type,
        subject: event.subject,
        payload: JSON.stringify(event),
        correlationId: event.correlationid,
        createdAt: now,
        publishedAt: null,
        attempts: 0,
        claimedBy: null,
        claimedAt: null,
      })),
    );
  }
}
