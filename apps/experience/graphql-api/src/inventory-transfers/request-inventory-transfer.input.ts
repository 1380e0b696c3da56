import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CLIENT_MUTATION_ID_MESSAGE, CLIENT_MUTATION_ID_PATTERN } from '../common/client-mutation-id';
import { QuantityInput } from '../common/quantity.input';

const PLANT = /^[A-Z0-9_-]{1,16}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

@InputType('RequestInventoryTransferInput', {
  description: 'Move stock between plants. The same clientMutationId again returns the first transfer and moves nothing twice.',
})
export class RequestInventoryTransferInput {
  @Field(() => String, { description: 'Chosen by the client, unique per transfer (a UUID is fine)' })
  @Matches(CLIENT_MUTATION_ID_PATTERN, { message: CLIENT_MUTATION_ID_MESSAGE })
  clientMutationId!: string;

  @Field(() => String, { description: 'Item code, e.g. BRG-6205' })
  @Matches(CODE, { message: 'item must be an item code such as BRG-6205' })
  item!: string;

  @Field(() => QuantityInput)
  @ValidateNested()
  @Type(() => QuantityInput)
  quantity!: QuantityInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'lot must be a lot code' })
  lot?: string;

  @Field(() => String, { description: 'Source plant, e.g. P100' })
  @Matches(PLANT, { message: 'fromPlant must be a plant code such as P100' })
  fromPlant!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'fromLocation must be a location code' })
  fromLocation?: string;

  @Field(() => String, { description: 'Destination plant, e.g. P300' })
  @Matches(PLANT, { message: 'toPlant must be a plant code such as P300' })
  toPlant!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'toLocation must be a location code' })
  toLocation?: string;

  @Field(() => String, { description: 'Why, for the people at both plants' })
  @IsString()
  @Length(1, 400)
  reason!: string;
}
