import { Module } from '@nestjs/common';
import { ProductionOrdersModule } from '../production-orders/production-orders.module';
import { SupplierShortagesResolver } from './supplier-shortages.resolver';
import { SupplierShortagesService } from './supplier-shortages.service';

@Module({ imports: [ProductionOrdersModule], providers: [SupplierShortagesResolver, SupplierShortagesService] })
export class SupplierShortagesModule {}
