import { Module } from '@nestjs/common';
import { OrderReleasesController } from './order-releases.controller';

/** The REST API over release sagas (the SagaRunner comes from SagaModule in the root module). */
@Module({ controllers: [OrderReleasesController] })
export class OrderReleasesModule {}
