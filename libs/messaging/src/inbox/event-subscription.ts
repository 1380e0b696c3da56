/** Which event types a subscriber receives. Each subscriber has its own queue `events.<subscriber>`. */
export interface EventSubscription {
  /** kebab-case, e.g. `inventory-transfer`. */
  subscriber: string;
  /** Event types, or '*' for all. */
  types: readonly string[] | '*';
}

export function eventQueueName(subscriber: string): string {
  if (!/^[a-z][a-z0-9-]{0,48}$/.test(subscriber))
    throw new Error(`subscriber name ${subscriber} must be kebab-case (it becomes the queue events.${subscriber})`);
  return `events.${subscriber}`;
}

/** Job id of one event's delivery to one subscriber: a re-publish finds it and adds nothing. */
export function deliveryJobId(subscriber: string, eventId: string): string {
  // BullMQ 6 rejects ':' in custom job ids, so '-' joins subscriber and event id.
  return `${subscriber}-${eventId}`;
}

export function subscribersOf(subscriptions: readonly EventSubscription[], type: string): string[] {
  return subscriptions.filter((s) => s.types === '*' || s.types.includes(type)).map((s) => s.subscriber);
}
