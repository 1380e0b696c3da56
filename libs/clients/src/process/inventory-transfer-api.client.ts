import type { Quantity } from '@plantsync/canonical';
import type { CallContext } from '@plantsync/connectors';
import { actingForHeaders, seg, SystemApiHttp, type SystemApiClientOptions } from '../http/system-api.http';
import type { InventoryTransferStatus, InventoryTransferView, RequestInventoryTransferInput } from './process-api.views';

/**
 * inventory-transfer process API (docs/openapi/inventory-transfer.json, port 3102). Requesting a
 * transfer and recording a receipt require an idempotency key; ids are UUIDs (anything else is 404).
 */
export class InventoryTransferApiClient {
  private readonly http: SystemApiHttp;

  constructor(options: SystemApiClientOptions) {
    this.http = new SystemApiHttp('inventory-transfer', options);
  }

  /** 202 with the transfer just requested; 409 insufficient-stock when the source cannot cover it. */
  /** `actingFor` names the person a service key requests for (X-Acting-For); recorded as `requestedBy`. */
  requestInventoryTransfer(ctx: CallContext, input: RequestInventoryTransferInput, actingFor?: string): Promise<InventoryTransferView> {
    return this.http.call(ctx, { method: 'POST', path: '/v1/inventory-transfers', body: input, operation: 'requestInventoryTransfer', plant: input.fromPlant, headers: actingForHeaders(actingFor) });
  }

  getInventoryTransfer(ctx: CallContext, id: string): Promise<InventoryTransferView> {
    return this.http.call(ctx, { method: 'GET', path: `/v1/inventory-transfers/${seg(id)}`, operation: 'getInventoryTransfer' });
  }

  listInventoryTransfers(ctx: CallContext, query: { plant?: string; status?: InventoryTransferStatus } = {}): Promise<InventoryTransferView[]> {
    return this.http.call(ctx, { method: 'GET', path: '/v1/inventory-transfers', query: { ...query }, operation: 'listInventoryTransfers', plant: query.plant });
  }

  /** Records (part of) the arrival at the destination; 409 over-receipt. */
  recordTransferReceipt(ctx: CallContext, id: string, quantity: Quantity): Promise<InventoryTransferView> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/inventory-transfers/${seg(id)}/receipts`, body: { quantity }, operation: 'recordTransferReceipt' });
  }

  cancelInventoryTransfer(ctx: CallContext, id: string, actingFor?: string): Promise<InventoryTransferView> {
    return this.http.call(ctx, { method: 'DELETE', path: `/v1/inventory-transfers/${seg(id)}`, operation: 'cancelInventoryTransfer', headers: actingForHeaders(actingFor) });
  }

  /** Retries the failed step of a transfer in exception. */
  retryInventoryTransfer(ctx: CallContext, id: string): Promise<InventoryTransferView> {
    return this.http.call(ctx, { method: 'POST', path: `/v1/inventory-transfers/${seg(id)}/retry`, operation: 'retryInventoryTransfer' });
  }
}
