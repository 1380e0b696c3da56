import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class InventoryTransferArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an inventory transfer id (a UUID)' })
  id!: string;
}
