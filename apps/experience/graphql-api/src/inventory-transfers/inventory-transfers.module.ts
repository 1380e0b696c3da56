import { Module } from '@nestjs/common';
import { InventoryTransfersResolver } from './inventory-transfers.resolver';
import { InventoryTransfersService } from './inventory-transfers.service';

@Module({ providers: [InventoryTransfersResolver, InventoryTransfersService], exports: [InventoryTransfersService] })
export class InventoryTransfersModule {}
