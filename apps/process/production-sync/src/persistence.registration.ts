import type { PersistenceOptions } from '@plantsync/persistence';
import { SyncException } from './exceptions/sync-exception.entity';
import { CreateProductionSync1767300000000 } from './migrations/1767300000000-create-production-sync';
import { OrderCursor } from './sequencing/order-cursor.entity';
import { SyncedConfirmation } from './sequencing/synced-confirmation.entity';

/** The app's own tables; messaging tables are registered by libs/messaging. */
export const persistenceRegistration: PersistenceOptions = {
  app: 'production-sync',
  entities: [SyncedConfirmation, OrderCursor, SyncException],
  migrations: [CreateProductionSync1767300000000],
};
