import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsISO8601, Length, Matches, Min, ValidateNested } from 'class-validator';
import { CODE_PATTERN, StockLineInput } from './inventory';

/**
 * An inbound delivery the plant's WMS expects (announced by a supplier's advance ship notice, the
 * meaning of an X12 856): the dock can plan the unloading and receive against it.
 */
export class ExpectedReceiptLine extends StockLineInput {
  @ApiProperty({ example: 'PO-P100-0001' })
  @Matches(CODE_PATTERN)
  purchaseOrder!: string;

  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(1)
  lineNumber!: number;
}

export class CreateExpectedReceiptInput {
  @ApiProperty({ example: 'ASN-SUP-1001-SH-88412', description: "The announcing document: the supplier's shipment" })
  @Length(1, 64)
  reference!: string;

  @ApiProperty({ example: 'SUP-1001' })
  @Matches(CODE_PATTERN)
  supplier!: string;

  @ApiProperty({ example: '2026-12-01T08:00:00Z' })
  @IsISO8601({ strict: true })
  expectedArrival!: string;

  @ApiProperty({ type: [ExpectedReceiptLine] })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ExpectedReceiptLine)
  lines!: ExpectedReceiptLine[];
}

export class ExpectedReceipt {
  @ApiProperty({ example: 'ER-P100-000001' }) id!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() supplier!: string;
  @ApiProperty() expectedArrival!: string;
  @ApiProperty({ enum: ['expected', 'received', 'cancelled'] }) status!: 'expected' | 'received' | 'cancelled';
  @ApiProperty({ type: [ExpectedReceiptLine] }) lines!: ExpectedReceiptLine[];
  @ApiProperty() createdAt!: string;
}
