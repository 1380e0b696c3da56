import type { PersistenceOptions } from '@plantsync/persistence';
import { CreateTransferReceipts1761100000000 } from './receipts/create-transfer-receipts.migration';
import { TransferReceipt } from './receipts/transfer-receipt.entity';

/** The app's own table (receipts); saga and messaging tables are registered by their libs. */
export const persistenceRegistration: PersistenceOptions = {
  app: 'inventory-transfer',
  entities: [TransferReceipt],
  migrations: [CreateTransferReceipts1761100000000],
};
