import { Module } from '@nestjs/common';
import { InboundConfirmationsService } from './inbound-confirmations.service';
import { ProductionPerformanceController } from './production-performance.controller';

@Module({
  controllers: [ProductionPerformanceController],
  providers: [InboundConfirmationsService],
})
export class ProductionPerformanceModule {}
