import { Module } from '@nestjs/common';
import { MaterialAvailabilityService } from './material-availability.service';
import { ProductionOrderComponentsResolver } from './production-order-components.resolver';
import { ProductionOrdersResolver } from './production-orders.resolver';

@Module({ providers: [ProductionOrdersResolver, ProductionOrderComponentsResolver, MaterialAvailabilityService], exports: [MaterialAvailabilityService] })
export class ProductionOrdersModule {}
