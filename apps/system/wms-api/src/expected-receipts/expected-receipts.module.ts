import { Module } from '@nestjs/common';
import { ExpectedReceiptsController } from './expected-receipts.controller';

@Module({ controllers: [ExpectedReceiptsController] })
export class ExpectedReceiptsModule {}
