import type { PersistenceOptions } from '@plantsync/persistence';
import { CreateInboundConfirmations1767225600000 } from './production-performance/migrations/1767225600000-create-inbound-confirmations';
import { DropInboundReceiptIndex1795300000000 } from './production-performance/migrations/1795300000000-drop-inbound-receipt-index';
import { InboundConfirmationEntity } from './production-performance/inbound-confirmation.entity';

/** The mes-api schema; `npm run migration:check` discovers this file (libs never import apps). */
export const persistenceRegistration: PersistenceOptions = {
  app: 'mes-api',
  entities: [InboundConfirmationEntity],
  migrations: [CreateInboundConfirmations1767225600000, DropInboundReceiptIndex1795300000000],
};
