import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CODE_PATTERN } from '../inventory/inventory';
import { Quantity } from '../quantity/quantity';

/**
 * What the shop floor confirmed on one operation of a production order: good and scrapped
 * quantity (in the order's unit), why it was scrapped, and whether the operation is finished.
 * The ERP adds it to the operation's and the order's produced totals; goods movements are separate.
 */
export class ConfirmOperationInput {
  @ApiPropertyOptional({ example: '0010', description: 'The routing operation; omitted: production on the order as a whole' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  operation?: string;

  @ApiPropertyOptional({ example: 'P200-WC-WELD' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  workCenter?: string;

  @ApiProperty({ type: Quantity, description: 'Good quantity, in the order unit' })
  @ValidateNested()
  @Type(() => Quantity)
  yield!: Quantity;

  @ApiProperty({ type: Quantity, description: 'Scrapped quantity, in the order unit' })
  @ValidateNested()
  @Type(() => Quantity)
  scrap!: Quantity;

  @ApiPropertyOptional({ example: 'Weld porosity' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  scrapReason?: string;

  @ApiProperty({ description: 'The operation is finished' })
  @IsBoolean()
  final!: boolean;

  @ApiProperty({ example: '2026-11-22T05:00:00Z', description: 'When the shop floor confirmed it' })
  @IsISO8601()
  confirmedAt!: string;
}

/** A confirmation as the ERP recorded it, with the totals it now holds. */
export class OperationConfirmation {
  @ApiProperty({ example: '17', description: "The ERP's record of this confirmation" }) id!: string;
  @ApiProperty({ example: 'P200' }) plant!: string;
  @ApiProperty({ example: 'MO-P200-0001' }) productionOrder!: string;
  @ApiPropertyOptional({ example: '0010' }) operation?: string;
  @ApiProperty({ type: Quantity }) yield!: Quantity;
  @ApiProperty({ type: Quantity }) scrap!: Quantity;
  @ApiPropertyOptional() scrapReason?: string;
  @ApiProperty() final!: boolean;
  @ApiProperty() confirmedAt!: string;
  @ApiPropertyOptional({ type: Quantity, description: 'Good quantity confirmed on the operation so far' }) operationYield?: Quantity;
  @ApiPropertyOptional({ type: Quantity, description: 'Scrap confirmed on the operation so far' }) operationScrap?: Quantity;
  @ApiProperty({ type: Quantity, description: "The order's produced quantity after this confirmation" }) orderProduced!: Quantity;
}
