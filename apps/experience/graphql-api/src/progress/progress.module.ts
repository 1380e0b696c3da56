import { Module } from '@nestjs/common';
import { InventoryTransfersModule } from '../inventory-transfers/inventory-transfers.module';
import { OrderReleasesModule } from '../order-releases/order-releases.module';
import { PurchaseOrdersModule } from '../purchase-orders/purchase-orders.module';
import { ProgressResolver } from './progress.resolver';
import { ProgressWatcher } from './progress-watcher';

@Module({ imports: [OrderReleasesModule, InventoryTransfersModule, PurchaseOrdersModule], providers: [ProgressResolver, ProgressWatcher] })
export class ProgressModule {}
