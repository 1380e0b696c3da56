import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CLIENT_MUTATION_ID_MESSAGE, CLIENT_MUTATION_ID_PATTERN } from '../common/client-mutation-id';
import { OrderReleaseStatus } from './models/order-release.model';

const PLANT = /^[A-Z0-9_-]{1,16}$/;
const ORDER = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

@ArgsType()
export class OrderReleaseArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an order release id (a UUID)' })
  id!: string;
}

@ArgsType()
export class OrderReleasesArgs {
  @Field(() => String, { nullable: true, description: 'Plant code, e.g. P100; every plant when absent' })
  @IsOptional()
  @Matches(PLANT, { message: 'plant must be a plant code such as P100' })
  plant?: string;

  @Field(() => OrderReleaseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(OrderReleaseStatus)
  status?: OrderReleaseStatus;

  @Field(() => String, { nullable: true, description: 'Only releases of this production order, e.g. MO-P100-0002' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  productionOrder?: string;

  @Field(() => Int, { defaultValue: 50, description: 'Newest first, 1–200' })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number = 50;
}

@ArgsType()
export class StartOrderReleaseArgs {
  @Field(() => String, { description: 'Plant code, e.g. P100' })
  @Matches(PLANT, { message: 'plant must be a plant code such as P100' })
  plant!: string;

  @Field(() => String, { description: 'Production order number or ERP id, e.g. MO-P100-0003' })
  @Matches(ORDER, { message: 'productionOrderId must be an order number such as MO-P100-0003' })
  productionOrderId!: string;

  @Field(() => String, { description: 'Chosen by the client (a UUID is fine): sending it again returns the first release and starts nothing' })
  @Matches(CLIENT_MUTATION_ID_PATTERN, { message: CLIENT_MUTATION_ID_MESSAGE })
  clientMutationId!: string;
}

@ArgsType()
export class RejectOrderReleaseArgs extends OrderReleaseArgs {
  @Field(() => String, { description: 'Why not, for the people who follow the order' })
  @IsString()
  @Length(1, 400)
  reason!: string;
}

@ArgsType()
export class CancelOrderReleaseArgs extends OrderReleaseArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  reason?: string;
}
