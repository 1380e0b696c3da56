import type { ErpApiClient, WmsApiClient } from '@plantsync/clients';
import type { InventoryTransferObserver } from '../inventory-transfer.observer';

/** What the steps of the inventory-transfer saga call: the system APIs, over HTTP, through libs/clients. */
export interface TransferStepDeps {
  erp: ErpApiClient;
  wms: WmsApiClient;
  /** How long the destination has to receive everything before the transfer becomes an exception. */
  receiptWindowMs: number;
  /** Sync health (inventory domain); absent: nothing is reported. */
  observer?: InventoryTransferObserver;
}
