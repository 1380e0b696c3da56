import { randomUUID } from 'node:crypto';
import type { CloudEvent } from './cloud-event';
import { eventValidator, type EventValidator } from './event-validator';

export interface CreateEventInput<T> {
  type: string;
  source: string;
  subject: string;
  data: T;
  correlationId: string;
  causationId?: string;
  /** Defaults to a new uuid; pass one to make a producer step idempotent. */
  id?: string;
  time?: Date;
}

/** Builds a CloudEvent and validates its data against the catalogue schema (throws InvalidEventError). */
export function createEvent<T>(input: CreateEventInput<T>, validator: EventValidator = eventValidator): CloudEvent<T> {
  validator.assertValid(input.type, input.data);
  const event: CloudEvent<T> = {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    subject: input.subject,
    time: (input.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data: input.data,
    correlationid: input.correlationId,
  };
  if (input.causationId) event.causationid = input.causationId;
  return event;
}
