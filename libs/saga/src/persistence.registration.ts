import type { PersistenceOptions } from '@plantsync/persistence';
import { sagaEntities, sagaMigrations } from './persistence/saga.schema';

/** saga_instance, saga_step, saga_compensation — checked by `npm run migration:check`. */
export const persistenceRegistration: PersistenceOptions = {
  app: 'saga',
  entities: sagaEntities,
  migrations: sagaMigrations,
};
