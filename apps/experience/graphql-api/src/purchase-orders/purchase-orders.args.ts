import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PurchaseOrderStatus } from './models/purchase-order-enums';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

@InputType('PurchaseOrderFilter')
export class PurchaseOrderFilterInput {
  @Field(() => String, { nullable: true, description: 'Only this plant, e.g. P100; default every plant' })
  @IsOptional()
  @Matches(CODE, { message: 'plant must be a plant code such as P100' })
  plant?: string;

  @Field(() => PurchaseOrderStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PurchaseOrderStatus)
  status?: PurchaseOrderStatus;

  @Field(() => Boolean, { nullable: true, description: 'Only orders still to deliver: sent, confirmed or partially received, with an open line' })
  @IsOptional()
  @IsBoolean()
  openOnly?: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Planners and admins: one supplier's orders. A supplier always sees only its own (naming another is FORBIDDEN).",
  })
  @IsOptional()
  @Matches(CODE, { message: 'supplier must be a supplier id such as SUP-1001' })
  supplier?: string;
}

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PurchaseOrdersArgs {
  @Field(() => PurchaseOrderFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PurchaseOrderFilterInput)
  filter?: PurchaseOrderFilterInput;

  @Field(() => Int, { defaultValue: 20, description: `Page size, 1–${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'pageInfo.endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  after?: string;
}

@ArgsType()
export class PurchaseOrderArgs {
  @Field(() => String, { description: 'Plant code, e.g. P100' })
  @Matches(CODE, { message: 'plant must be a plant code such as P100' })
  plant!: string;

  @Field(() => ID, { description: 'ERP id or order number, e.g. PO-P100-0003' })
  @Matches(CODE, { message: 'id must be an ERP id or order number' })
  id!: string;
}
