import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Quantity } from '../quantity/quantity';

export type PurchaseOrderStatus = 'draft' | 'sent' | 'confirmed' | 'partially_received' | 'received' | 'cancelled';
export type AcknowledgementStatus = 'none' | 'accepted' | 'rejected' | 'changed';

export class Money {
  @ApiProperty({ example: '4.75' }) amount!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
}

export class LineAcknowledgement {
  @ApiProperty({ enum: ['none', 'accepted', 'rejected', 'changed'] }) status!: AcknowledgementStatus;
  @ApiPropertyOptional() proposedDate?: string;
  @ApiPropertyOptional({ type: Quantity }) proposedQuantity?: Quantity;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() acknowledgedAt?: string;
}

export class PurchaseOrderLine {
  @ApiProperty({ example: 10 }) lineNumber!: number;
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiProperty({ type: Quantity }) receivedQuantity!: Quantity;
  @ApiProperty({ type: Quantity }) openQuantity!: Quantity;
  @ApiProperty({ type: Money }) price!: Money;
  @ApiProperty({ example: '2026-11-20' }) promisedDate!: string;
  @ApiProperty({ type: LineAcknowledgement }) acknowledgement!: LineAcknowledgement;
}

export class PurchaseOrder {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ example: 'PO-P100-000042' }) number!: string;
  @ApiProperty({ example: 'SUP-1001' }) supplier!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ enum: ['draft', 'sent', 'confirmed', 'partially_received', 'received', 'cancelled'] })
  status!: PurchaseOrderStatus;
  @ApiProperty({ example: '2026-10-15' }) orderDate!: string;
  @ApiProperty({ type: [PurchaseOrderLine] }) lines!: PurchaseOrderLine[];
}

/** A supplier's answer to one line (the meaning of an X12 855 line). */
export class LineAcknowledgementInput {
  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(1)
  lineNumber!: number;

  @ApiProperty({ enum: ['accepted', 'rejected', 'changed'] })
  @IsIn(['accepted', 'rejected', 'changed'])
  status!: 'accepted' | 'rejected' | 'changed';

  @ApiPropertyOptional({ example: '2026-11-27', description: 'Required when status is changed and no quantity is proposed' })
  @ValidateIf((o: LineAcknowledgementInput) => o.status === 'changed' && !o.proposedQuantity)
  @IsISO8601({ strict: true })
  proposedDate?: string;

  @ApiPropertyOptional({ type: Quantity })
  @IsOptional()
  @ValidateNested()
  @Type(() => Quantity)
  proposedQuantity?: Quantity;

  @ApiPropertyOptional({ example: 'Tooling maintenance in week 47' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class AcknowledgePurchaseOrderInput {
  @ApiProperty({ type: [LineAcknowledgementInput] })
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => LineAcknowledgementInput)
  lines!: LineAcknowledgementInput[];
}
