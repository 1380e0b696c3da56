import { Module } from '@nestjs/common';
import { DriftController } from './drift.controller';
import { StockLandscapeService } from './stock-landscape.service';

/** Synthetic stock landscapes and drift injection for reconciliation proofs. */
@Module({ controllers: [DriftController], providers: [StockLandscapeService] })
export class DriftModule {}
