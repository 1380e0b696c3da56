import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@plantsync/platform';
import { InventoryTransferModule, type InventoryTransferOptions } from './inventory-transfer.module';
import { roleFromEnv } from './inventory-transfer.role';

/** Builds the inventory-transfer process API (not listening). Role from INVENTORY_TRANSFER_ROLE unless given. */
export async function createInventoryTransferApi(opts: InventoryTransferOptions = {}): Promise<NestFastifyApplication> {
  return createApp(InventoryTransferModule.forRoot({ ...opts, role: opts.role ?? roleFromEnv() }), {
    app: 'inventory-transfer',
    title: 'Plantsync inventory transfer API',
    description:
      'Moves stock between plants as a saga: validate at both plants, check and reserve at the source, transfer order pick and ship (in transit at the destination), receipts at the destination, goods issue and receipt in both ERPs. Failures before shipping compensate; after shipping they become exceptions for a person.',
  });
}
