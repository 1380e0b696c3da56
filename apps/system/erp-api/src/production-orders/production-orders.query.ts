import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  PageQuery,
  PRODUCTION_ORDER_STATUSES,
  type ProductionOrderStatus,
} from '@plantsync/canonical';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';

export class ProductionOrdersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PRODUCTION_ORDER_STATUSES })
  @IsOptional()
  @IsIn(PRODUCTION_ORDER_STATUSES)
  status?: ProductionOrderStatus;

  @ApiPropertyOptional({
    example: '2026-11-02',
    description: 'Planned start on or after (ISO date or date-time)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-09',
    description: 'Planned start before (ISO date or date-time)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
