import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Quantity', { description: 'An amount with its unit. `value` is a decimal string: never a binary float.' })
export class QuantityModel {
  @Field(() => String, { description: 'Decimal string, e.g. "12.5"' })
  value!: string;

  @Field(() => String, { description: 'Unit of measure code, e.g. EA, BOX, KG' })
  unit!: string;
}

@ObjectType('Money')
export class MoneyModel {
  @Field(() => String, { description: 'Decimal string, e.g. "4.75"' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 currency, e.g. USD' })
  currency!: string;
}
