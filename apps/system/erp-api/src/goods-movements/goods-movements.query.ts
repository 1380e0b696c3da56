import { ApiPropertyOptional } from '@nestjs/swagger';
import { CODE_PATTERN } from '@plantsync/canonical';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const DEFAULT_MOVEMENT_LIMIT = 50;

/** GET goods-movements: the ERP's history on an item × location × lot, newest first (no paging: a bounded tail). */
export class GoodsMovementHistoryQuery {
  @ApiPropertyOptional({ example: 'BRKT-1042' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'item must be an item code such as BRKT-1042' })
  item?: string;

  @ApiPropertyOptional({ example: 'P100-RM', description: 'Movements leaving or entering this location' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'location must be a location code such as P100-RM' })
  location?: string;

  @ApiPropertyOptional({ example: 'L2026-0412' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'lot must be a lot code' })
  lot?: string;

  @ApiPropertyOptional({ default: DEFAULT_MOVEMENT_LIMIT, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}
