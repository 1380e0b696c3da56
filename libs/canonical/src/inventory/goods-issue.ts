import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Quantity } from '../quantity/quantity';
import { CODE_PATTERN, StockLineInput } from './inventory';

/** Why stock leaves the warehouse without a transfer: consumed by production (backflush), or scrapped. */
export const GOODS_ISSUE_REASONS = ['production_consumption', 'scrap'] as const;
export type GoodsIssueReason = (typeof GOODS_ISSUE_REASONS)[number];

/**
 * Takes unrestricted stock out of one location (and lot): what a production order consumed from
 * the line, for example. The WMS refuses it when that balance holds less (409 insufficient-stock).
 */
export class CreateGoodsIssueInput extends StockLineInput {
  @ApiProperty({ example: 'P100-LINE1', description: 'Where the stock is taken from' })
  @Matches(CODE_PATTERN)
  location!: string;

  @ApiProperty({ enum: GOODS_ISSUE_REASONS, example: 'production_consumption' })
  @IsIn(GOODS_ISSUE_REASONS)
  reason!: GoodsIssueReason;

  @ApiPropertyOptional({ example: 'MO-P100-0009', description: 'e.g. the production order that consumed it' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reference?: string;
}

export class GoodsIssue {
  @ApiProperty({ example: 'GI-P100-000003' }) id!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'ALU-6061-BAR' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiPropertyOptional() lot?: string;
  @ApiProperty({ example: 'P100-LINE1' }) location!: string;
  @ApiProperty({ enum: GOODS_ISSUE_REASONS }) reason!: GoodsIssueReason;
  @ApiPropertyOptional({ example: 'MO-P100-0009' }) reference?: string;
  @ApiProperty() issuedAt!: string;
}
