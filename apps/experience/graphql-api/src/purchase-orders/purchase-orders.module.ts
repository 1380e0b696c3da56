import { Module } from '@nestjs/common';
import { PurchaseOrdersResolver } from './purchase-orders.resolver';
import { PurchaseOrdersService } from './purchase-orders.service';

@Module({ providers: [PurchaseOrdersResolver, PurchaseOrdersService], exports: [PurchaseOrdersService] })
export class PurchaseOrdersModule {}
