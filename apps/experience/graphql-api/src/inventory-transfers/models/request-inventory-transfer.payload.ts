import { Field, ObjectType } from '@nestjs/graphql';
import { InventoryTransferModel } from './inventory-transfer.model';

@ObjectType('RequestInventoryTransferPayload')
export class RequestInventoryTransferPayload {
  @Field(() => String, { description: 'Echoed from the input' })
  clientMutationId!: string;

  @Field(() => InventoryTransferModel, { description: 'Follow it with inventoryTransfer(id) or inventoryTransferProgress(id)' })
  inventoryTransfer!: InventoryTransferModel;
}
