import type { PersistenceOptions } from '@plantsync/persistence';
import { AddDifferenceTrace1764000000000 } from './add-difference-trace.migration';
import { AddOrderDifferenceColumns1763900000000 } from './add-order-difference-columns.migration';
import { CreateReconciliationTables1763790000000 } from './create-reconciliation-tables.migration';
import { ReconciliationDifference } from './runs/reconciliation-difference.entity';
import { ReconciliationRun } from './runs/reconciliation-run.entity';
import { SyncObservation } from './sync-health/sync-observation.entity';

/** The app's own tables (runs, differences, sync observations); messaging tables are registered by their lib. */
export const persistenceRegistration: PersistenceOptions = {
  app: 'reconciliation',
  entities: [ReconciliationRun, ReconciliationDifference, SyncObservation],
  migrations: [CreateReconciliationTables1763790000000, AddOrderDifferenceColumns1763900000000, AddDifferenceTrace1764000000000],
};
