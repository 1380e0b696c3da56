import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { QuantityInput } from '../common/quantity.input';
import { LineDecision } from './models/purchase-order-enums';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

@InputType('LineAcknowledgementInput')
export class LineAcknowledgementInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  lineNumber!: number;

  @Field(() => LineDecision)
  @IsEnum(LineDecision)
  decision!: LineDecision;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; with CHANGED, a date or a quantity (or both) is required' })
  @ValidateIf((l: LineAcknowledgementInput) => l.proposedDate !== undefined || (l.decision === LineDecision.CHANGED && l.proposedQuantity === undefined))
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'proposedDate must be YYYY-MM-DD (or propose a quantity)' })
  @IsISO8601({ strict: true }, { message: 'proposedDate must be a real calendar day' })
  proposedDate?: string;

  @Field(() => QuantityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuantityInput)
  proposedQuantity?: QuantityInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

@InputType('AcknowledgePurchaseOrderLinesInput', {
  description:
    'A supplier answers lines of one purchase order (the meaning of an X12 855). Sending the same clientMutationId again returns the first result and changes nothing; the same id with other input is a CONFLICT.',
})
export class AcknowledgePurchaseOrderLinesInput {
  @Field(() => String, { description: 'Chosen by the client, unique per acknowledgement (a UUID is fine): the idempotency key' })
  @Matches(/^[A-Za-z0-9._:-]{8,128}$/, { message: 'clientMutationId must be 8–128 characters of A–Z a–z 0–9 . _ : -' })
  clientMutationId!: string;

  @Field(() => String, { description: 'Plant code, e.g. P100' })
  @Matches(CODE, { message: 'plant must be a plant code such as P100' })
  plant!: string;

  @Field(() => String, { description: 'ERP id or order number, e.g. PO-P100-0001' })
  @Matches(CODE, { message: 'purchaseOrder must be an ERP id or order number' })
  purchaseOrder!: string;

  @Field(() => [LineAcknowledgementInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => LineAcknowledgementInput)
  lines!: LineAcknowledgementInput[];
}
