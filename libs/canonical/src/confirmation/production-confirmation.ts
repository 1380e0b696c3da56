import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN } from '../inventory/inventory';
import { Quantity } from '../quantity/quantity';

/** A material the plant reports as consumed explicitly (otherwise consumption is backflushed). */
export class ConfirmedConsumption {
  @ApiProperty({ example: 'BRKT-1042' })
  @Matches(CODE_PATTERN)
  item!: string;

  @ApiProperty({ type: Quantity })
  @ValidateNested()
  @Type(() => Quantity)
  quantity!: Quantity;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE_PATTERN)
  lot?: string;
}

/**
 * What a plant MES reports for one operation of one production order. `messageId` is the
 * MES' own id and the deduplication key; `sequence` orders messages of one order.
 */
export class ProductionConfirmation {
  @ApiProperty({ example: 'MES-P100-20261102-000731' })
  @IsString()
  @Length(1, 128)
  messageId!: string;

  @ApiProperty({ example: 'P100' })
  @Matches(CODE_PATTERN)
  plant!: string;

  @ApiProperty({ example: 'MO-P100-000031' })
  @IsString()
  @Length(1, 64)
  productionOrder!: string;

  @ApiProperty({ example: 1, description: 'MES sequence number within the production order, from 1' })
  @IsInt()
  @Min(1)
  sequence!: number;

  @ApiPropertyOptional({ example: '0020' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  operation?: string;

  @ApiPropertyOptional({ example: 'P100-WC-ASSY1' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  workCenter?: string;

  @ApiProperty({ type: Quantity, description: 'Good quantity produced' })
  @ValidateNested()
  @Type(() => Quantity)
  yield!: Quantity;

  @ApiProperty({ type: Quantity })
  @ValidateNested()
  @Type(() => Quantity)
  scrap!: Quantity;

  @ApiPropertyOptional({ example: 'SURFACE-DEFECT' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  scrapReason?: string;

  @ApiPropertyOptional({ example: 'L2026-1102-A' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  lot?: string;

  @ApiProperty({ description: 'True when this confirmation completes the order' })
  @IsBoolean()
  final!: boolean;

  @ApiProperty({ example: '2026-11-02T10:15:00Z' })
  @IsISO8601({ strict: true })
  reportedAt!: string;

  @ApiPropertyOptional({ type: [ConfirmedConsumption] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ConfirmedConsumption)
  consumptions?: ConfirmedConsumption[];
}
