import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '../events/cloud-event';

/**
 * A subscriber's handler. `handle` runs inside a transaction that also records the event in the
 * inbox, so its database effects apply exactly once even when the event is delivered twice.
 */
export interface EventConsumer {
  readonly subscriber: string;
  handle(event: CloudEvent, manager: EntityManager): Promise<void>;
}
