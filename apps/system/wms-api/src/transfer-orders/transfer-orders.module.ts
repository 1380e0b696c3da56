import { Module } from '@nestjs/common';
import { TransferOrdersController } from './transfer-orders.controller';

@Module({ controllers: [TransferOrdersController] })
export class TransferOrdersModule {}
