import { type DynamicModule, Module } from '@nestjs/common';
import { InventoryTransfersController } from './inventory-transfers.controller';
import { InventoryTransfersService } from './inventory-transfers.service';

/** The REST API over transfers (api role). Needs the SagaRunner, messaging and the clients from the root module. */
@Module({})
export class InventoryTransfersModule {
  /** `saga`: the root's SagaModule.register(...) (the same object, so Nest keeps one instance). */
  static register(saga: DynamicModule): DynamicModule {
    return { module: InventoryTransfersModule, imports: [saga], controllers: [InventoryTransfersController], providers: [InventoryTransfersService] };
  }
}
