import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';

@ArgsType()
export class SupplierShortagesArgs {
  @Field(() => String, { nullable: true, description: 'Plant code, e.g. P100; every plant when absent' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,16}$/, { message: 'plant must be a plant code such as P100' })
  plant?: string;
}
