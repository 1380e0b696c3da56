import { ApiPropertyOptional } from '@nestjs/swagger';
import { CODE_PATTERN, StockPageQuery, STOCK_STATUSES, type StockStatus } from '@plantsync/canonical';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class StockQueryDto extends StockPageQuery {
  @ApiPropertyOptional({ example: 'BRKT-1042' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'item must be an item code such as BRKT-1042' })
  item?: string;

  @ApiPropertyOptional({ example: 'P200-RM' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'location must be a location code such as P200-RM' })
  location?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'lot must be a lot code' })
  lot?: string;

  @ApiPropertyOptional({ enum: STOCK_STATUSES })
  @IsOptional()
  @IsIn(STOCK_STATUSES)
  status?: StockStatus;
}
