import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ProductionOrderStatus } from './models/production-order.model';

@ArgsType()
export class ProductionOrdersArgs {
  @Field(() => String, { description: 'Plant code, e.g. P100' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'plant must be a plant code such as P100' })
  plant!: string;

  @Field(() => ProductionOrderStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProductionOrderStatus)
  status?: ProductionOrderStatus;

  @Field(() => String, { nullable: true, description: 'Planned start on or after (ISO date or date-time)' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO date or date-time' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'Planned start before (ISO date or date-time)' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO date or date-time' })
  to?: string;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1–100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'pageInfo.endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  after?: string;
}
