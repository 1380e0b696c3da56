import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CODE_PATTERN, Quantity } from '@plantsync/canonical';
import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

/** The production order fields a dispatch to the MES needs. */
export class DispatchWorkOrderDto {
  @ApiProperty({
    example: 'MO-P100-000031',
    description: 'Production order number (B2MML ProductionRequest/ID)',
  })
  @IsString()
  @Length(1, 64)
  number!: string;

  @ApiProperty({ example: 'ACT-2200' })
  @Matches(CODE_PATTERN)
  item!: string;

  @ApiProperty({ type: Quantity })
  @ValidateNested()
  @Type(() => Quantity)
  quantity!: Quantity;

  @ApiProperty({ example: '2026-11-05T06:00:00Z' })
  @IsISO8601({ strict: true })
  plannedStart!: string;

  @ApiProperty({ example: '2026-11-06T14:00:00Z' })
  @IsISO8601({ strict: true })
  plannedEnd!: string;

  @ApiPropertyOptional({ example: 'P100-WC-ASSY1' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  workCenter?: string;
}
