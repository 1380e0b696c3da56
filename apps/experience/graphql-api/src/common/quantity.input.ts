import { Field, InputType } from '@nestjs/graphql';
import { DECIMAL_PATTERN } from '@plantsync/canonical';
import { IsString, Length, Matches } from 'class-validator';

@InputType('QuantityInput')
export class QuantityInput {
  @Field(() => String, { description: 'Decimal string, e.g. "250"' })
  @Matches(DECIMAL_PATTERN, { message: 'value must be a decimal string such as 250 or 12.5' })
  value!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 16)
  unit!: string;
}
