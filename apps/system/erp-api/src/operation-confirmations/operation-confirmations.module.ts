import { Module } from '@nestjs/common';
import { OperationConfirmationsController } from './operation-confirmations.controller';

@Module({ controllers: [OperationConfirmationsController] })
export class OperationConfirmationsModule {}
