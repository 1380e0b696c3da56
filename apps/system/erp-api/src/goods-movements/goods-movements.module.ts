import { Module } from '@nestjs/common';
import { GoodsMovementsController } from './goods-movements.controller';

@Module({ controllers: [GoodsMovementsController] })
export class GoodsMovementsModule {}
