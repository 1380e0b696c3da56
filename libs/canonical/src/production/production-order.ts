import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Quantity } from '../quantity/quantity';

export const PRODUCTION_ORDER_STATUSES = [
  'planned',
  'released',
  'in_progress',
  'completed',
  'closed',
  'cancelled',
] as const;
export type ProductionOrderStatus = (typeof PRODUCTION_ORDER_STATUSES)[number];

/** The lifecycle: planned → released → in progress → completed → closed, or cancelled before work starts. */
const TRANSITIONS: Record<ProductionOrderStatus, readonly ProductionOrderStatus[]> = {
  planned: ['released', 'cancelled'],
  released: ['in_progress', 'cancelled', 'planned'],
  in_progress: ['completed'],
  completed: ['closed'],
  closed: [],
  cancelled: [],
};

export function canTransition(from: ProductionOrderStatus, to: ProductionOrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export class ProductionOrder {
  @ApiProperty({ example: '118' }) id!: string;
  @ApiProperty({ example: 'MO-P200-000118' }) number!: string;
  @ApiProperty({ example: 'P200' }) plant!: string;
  @ApiProperty({ example: 'ACT-2200' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiProperty({ type: Quantity }) producedQuantity!: Quantity;
  @ApiProperty({ enum: PRODUCTION_ORDER_STATUSES }) status!: ProductionOrderStatus;
  @ApiProperty({ example: '2026-11-05T06:00:00Z' }) plannedStart!: string;
  @ApiProperty({ example: '2026-11-06T14:00:00Z' }) plannedEnd!: string;
  @ApiPropertyOptional({ example: 'P200-WC-ASSY1' }) workCenter?: string;
  @ApiPropertyOptional({ example: 'B', description: 'BOM revision the order was planned with' })
  bomRevision?: string;
}
