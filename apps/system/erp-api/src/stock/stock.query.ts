import { ApiPropertyOptional } from '@nestjs/swagger';
import { CODE_PATTERN, StockPageQuery } from '@plantsync/canonical';
import { IsOptional, Matches } from 'class-validator';

export class ErpStockQueryDto extends StockPageQuery {
  @ApiPropertyOptional({ example: 'BRKT-1042' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'item must be an item code such as BRKT-1042' })
  item?: string;

  @ApiPropertyOptional({ example: 'P100-RM' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'location must be a location code such as P100-RM' })
  location?: string;

  @ApiPropertyOptional({ example: 'L2026-0412' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'lot must be a lot code' })
  lot?: string;
}
