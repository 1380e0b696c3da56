import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CODE_PATTERN } from '@plantsync/canonical';
import { IsOptional, Matches } from 'class-validator';

export class AvailabilityQueryDto {
  @ApiProperty({ example: 'BRKT-1042' })
  @Matches(CODE_PATTERN, { message: 'item must be an item code such as BRKT-1042' })
  item!: string;

  @ApiPropertyOptional({ example: 'P200-RM', description: 'Only this location' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'location must be a location code such as P200-RM' })
  location?: string;

  @ApiPropertyOptional({ example: 'L-P200-261002-01', description: 'Only this lot' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'lot must be a lot code' })
  lot?: string;
}
