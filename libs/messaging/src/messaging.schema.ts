import { DeadLetter } from './dead-letters/dead-letter.entity';
import { CreateDeadLetter1760000000002 } from './dead-letters/create-dead-letter.migration';
import { InboxMessage } from './inbox/inbox-message.entity';
import { CreateInboxMessage1760000000001 } from './inbox/create-inbox-message.migration';
import { OutboxEvent } from './outbox/outbox-event.entity';
import { CreateOutboxEvent1760000000000 } from './outbox/create-outbox-event.migration';

/** Pass these to PersistenceModule.forRoot({ entities: [...yours, ...messagingEntities], … }). */
export const messagingEntities = [OutboxEvent, InboxMessage, DeadLetter];
export const messagingMigrations = [
  CreateOutboxEvent1760000000000,
  CreateInboxMessage1760000000001,
  CreateDeadLetter1760000000002,
];
