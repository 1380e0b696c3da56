import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches } from 'class-validator';

@ArgsType()
export class InventoryPositionsArgs {
  @Field(() => String, { description: 'Item code, e.g. BRKT-1042' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, { message: 'item must be an item code such as BRKT-1042' })
  item!: string;

  @Field(() => [String], { nullable: true, description: 'Plant codes; default every plant of the landscape' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { each: true, message: 'plants must be plant codes such as P100' })
  plants?: string[];
}
