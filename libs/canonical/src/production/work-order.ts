import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Quantity } from '../quantity/quantity';

export const WORK_ORDER_STATUSES = ['dispatched', 'running', 'held', 'completed', 'aborted'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** A production order as the MES sees it once dispatched. */
export class WorkOrder {
  @ApiProperty({ example: 'WO-MO-P100-000031' }) id!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'MO-P100-000031' }) productionOrder!: string;
  @ApiProperty({ example: 'ACT-2200' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiProperty({ type: Quantity }) producedQuantity!: Quantity;
  @ApiProperty({ type: Quantity }) scrapQuantity!: Quantity;
  @ApiProperty({ enum: WORK_ORDER_STATUSES }) status!: WorkOrderStatus;
  @ApiProperty() plannedStart!: string;
  @ApiProperty() plannedEnd!: string;
  @ApiPropertyOptional() workCenter?: string;
}
