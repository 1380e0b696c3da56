import { Module } from '@nestjs/common';
import { PurchaseOrdersAcrossPlantsController } from './purchase-orders-across-plants.controller';
import { PurchaseOrdersController } from './purchase-orders.controller';
import { PurchaseOrdersService } from './purchase-orders.service';

@Module({
  controllers: [PurchaseOrdersController, PurchaseOrdersAcrossPlantsController],
  providers: [PurchaseOrdersService],
})
export class PurchaseOrdersModule {}
