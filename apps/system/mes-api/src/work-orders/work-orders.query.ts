import { ApiPropertyOptional } from '@nestjs/swagger';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '@plantsync/canonical';
import { IsIn, IsOptional } from 'class-validator';

export class WorkOrdersQuery {
  @ApiPropertyOptional({
    enum: WORK_ORDER_STATUSES,
    description: 'Only work orders in this status',
  })
  @IsOptional()
  @IsIn(WORK_ORDER_STATUSES)
  status?: WorkOrderStatus;
}
