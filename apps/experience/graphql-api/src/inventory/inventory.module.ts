import { Module } from '@nestjs/common';
import { InventoryPositionsResolver } from './inventory-positions.resolver';

@Module({ providers: [InventoryPositionsResolver] })
export class InventoryModule {}
