import { Injectable } from '@nestjs/common';
import { type CallContext, InventoryTransferApiClient, type InventoryTransferView } from '@plantsync/clients';
import type { Principal } from '@plantsync/platform';
import { actingForOf } from '../common/acting-for';
import { idempotencyKeyFor } from '../common/client-mutation-id';
import type { InventoryTransferModel, InventoryTransferStatus } from './models/inventory-transfer.model';
import type { RequestInventoryTransferInput } from './request-inventory-transfer.input';

export function toInventoryTransferModel(view: InventoryTransferView): InventoryTransferModel {
  return {
    id: view.id,
    status: view.status as InventoryTransferStatus,
    currentStep: view.currentStep ?? null,
    item: view.item,
    lot: view.lot,
    fromPlant: view.fromPlant,
    fromLocation: view.fromLocation,
    toPlant: view.toPlant,
    toLocation: view.toLocation,
    reason: view.reason,
    stockTransport: view.stockTransport,
    requestedBy: view.requestedBy,
    transferOrder: view.transferOrder,
    quantities: view.quantities,
    receipts: view.receipts.map((r) => ({ quantity: r.quantity, receivedAt: r.receivedAt })),
    failure: view.failure ?? null,
    steps: view.steps as InventoryTransferModel['steps'],
    compensations: view.compensations,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

/** Planner operations on transfers through the inventory-transfer process API (service key). */
@Injectable()
export class InventoryTransfersService {
  constructor(private readonly transfers: InventoryTransferApiClient) {}

  async request(ctx: CallContext, viewer: Principal, input: RequestInventoryTransferInput): Promise<InventoryTransferModel> {
    const { clientMutationId, quantity, ...rest } = input;
    const view = await this.transfers.requestInventoryTransfer(
      { ...ctx, idempotencyKey: idempotencyKeyFor(viewer, clientMutationId) },
      { ...rest, quantity: { value: quantity.value, unit: quantity.unit } },
      // inventory-transfer records the person as requestedBy (`planner:demo-planner via <service key>`).
      actingForOf(viewer),
    );
    return toInventoryTransferModel(view);
  }

  async get(ctx: CallContext, id: string): Promise<InventoryTransferModel> {
    return toInventoryTransferModel(await this.transfers.getInventoryTransfer(ctx, id));
  }
}
