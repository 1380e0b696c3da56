import type { PersistenceOptions } from '@plantsync/persistence';
import { messagingEntities, messagingMigrations } from './messaging.schema';

/**
 * outbox_event, inbox_message, dead_letter — checked by `npm run migration:check` (which discovers
 * every `persistence.registration.ts` under apps/ and libs/). Apps pass these entities and
 * migrations to PersistenceModule together with their own.
 */
export const persistenceRegistration: PersistenceOptions = {
  app: 'messaging',
  entities: messagingEntities,
  migrations: messagingMigrations,
};
