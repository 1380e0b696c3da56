import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CLIENT_MUTATION_ID_MESSAGE, CLIENT_MUTATION_ID_PATTERN } from '../common/client-mutation-id';
import { QuantityInput } from '../common/quantity.input';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

@InputType('AdvanceShipNoticeLineInput')
export class AdvanceShipNoticeLineInput {
  @Field(() => String, { description: 'e.g. PO-P100-0001' })
  @Matches(CODE, { message: 'purchaseOrder must be an order number such as PO-P100-0001' })
  purchaseOrder!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  lineNumber!: number;

  @Field(() => QuantityInput, { description: 'In the unit of the purchase order line' })
  @ValidateNested()
  @Type(() => QuantityInput)
  quantity!: QuantityInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'lot must be a lot code' })
  lot?: string;
}

@InputType('AdvanceShipNoticePackageInput')
export class AdvanceShipNoticePackageInput {
  @Field(() => String)
  @Matches(CODE, { message: 'packageId must be a package id or SSCC' })
  packageId!: string;

  @Field(() => [AdvanceShipNoticeLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AdvanceShipNoticeLineInput)
  lines!: AdvanceShipNoticeLineInput[];
}

@InputType('SubmitAdvanceShipNoticeInput', {
  description:
    'Announce a shipment to one plant (X12 856). Every line is checked against the open quantity of its PO line; over-shipment beyond your tolerance rejects the notice naming each line. The same clientMutationId again returns the first notice.',
})
export class SubmitAdvanceShipNoticeInput {
  @Field(() => String)
  @Matches(CLIENT_MUTATION_ID_PATTERN, { message: CLIENT_MUTATION_ID_MESSAGE })
  clientMutationId!: string;

  @Field(() => String, { description: 'Receiving plant, e.g. P100' })
  @Matches(/^[A-Z0-9_-]{1,16}$/, { message: 'plant must be a plant code such as P100' })
  plant!: string;

  @Field(() => String, { nullable: true, description: 'Only when your credential acts for several suppliers' })
  @IsOptional()
  @Matches(CODE)
  supplier?: string;

  @Field(() => String, { description: "Your shipment number (BSN02)" })
  @Matches(CODE, { message: 'shipmentNumber must be 1–64 letters, digits, . _ -' })
  shipmentNumber!: string;

  @Field(() => String, { description: 'ISO 8601 date-time the shipment arrives at the plant' })
  @IsISO8601({ strict: true }, { message: 'expectedArrival must be an ISO 8601 date-time' })
  expectedArrival!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  carrier?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  trackingNumber?: string;

  @Field(() => [AdvanceShipNoticePackageInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AdvanceShipNoticePackageInput)
  packages!: AdvanceShipNoticePackageInput[];
}
