import { Module } from '@nestjs/common';
import { ErpStockController } from './stock.controller';

@Module({ controllers: [ErpStockController] })
export class ErpStockModule {}
