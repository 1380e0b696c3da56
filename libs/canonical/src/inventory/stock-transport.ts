import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Quantity } from '../quantity/quantity';
import { CODE_PATTERN, StockLineInput } from './inventory';

export const STOCK_TRANSPORT_STATUSES = ['open', 'shipped', 'cancelled'] as const;
/**
 * `open`: agreed between the plants, nothing left yet. `shipped`: the source's goods issue that
 * references it was posted (the ERP closed it). `cancelled`: withdrawn before anything shipped.
 */
export type StockTransportStatus = (typeof STOCK_TRANSPORT_STATUSES)[number];

/**
 * A stock transport order: the ERP document at the SOURCE plant that moves stock of one item to
 * another plant. The stock itself moves with the goods issue at the source and the goods receipt
 * at the destination, both of which name the transport by its `number`.
 */
export class StockTransport {
  @ApiProperty({ example: '214', description: "The ERP's id at the source plant" }) id!: string;
  @ApiProperty({ example: 'P100/STO/00214', description: 'The document number; goods movements reference it' }) number!: string;
  @ApiProperty({ example: 'P100', description: 'Source plant (its ERP holds the document)' }) plant!: string;
  @ApiProperty({ example: 'P300' }) toPlant!: string;
  @ApiProperty({ example: 'BRG-6205' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiPropertyOptional({ example: 'L2026-0412' }) lot?: string;
  @ApiProperty({ example: 'P100-RM' }) fromLocation!: string;
  @ApiProperty({ example: 'P300-RM' }) toLocation!: string;
  @ApiProperty({ enum: STOCK_TRANSPORT_STATUSES }) status!: StockTransportStatus;
  @ApiPropertyOptional({ example: 'TRF-4f1c…' }) reference?: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional() shippedAt?: string;
}

export class CreateStockTransportInput extends StockLineInput {
  // Documentation only: the validators come with StockLineInput.
  @ApiProperty({ type: Quantity, description: "In the item's stock unit" })
  declare quantity: Quantity;

  @ApiProperty({ example: 'P100-RM', description: 'Location at the source plant (this path plant)' })
  @Matches(CODE_PATTERN)
  fromLocation!: string;

  @ApiProperty({ example: 'P300' })
  @Matches(CODE_PATTERN)
  toPlant!: string;

  @ApiProperty({ example: 'P300-RM', description: 'Location at the destination plant' })
  @Matches(CODE_PATTERN)
  toLocation!: string;

  @ApiProperty({ example: 'TRF-4f1c…', description: 'The business process behind it; lists filter by it' })
  @IsString()
  @Length(1, 64)
  reference!: string;
}
