import { Module } from '@nestjs/common';
import { StockTransportsController } from './stock-transports.controller';

@Module({ controllers: [StockTransportsController] })
export class StockTransportsModule {}
