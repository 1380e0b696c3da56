import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, type PurchaseOrderStatus } from '@plantsync/canonical';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const PURCHASE_ORDER_STATUSES: readonly PurchaseOrderStatus[] = [
  'draft',
  'sent',
  'confirmed',
  'partially_received',
  'received',
  'cancelled',
];

export class PurchaseOrdersQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'SUP-1001',
    description: 'Supplier id; a supplier key always sees only its own orders',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'supplier must be a supplier id such as SUP-1001' })
  supplier?: string;

  @ApiPropertyOptional({ enum: PURCHASE_ORDER_STATUSES })
  @IsOptional()
  @IsIn(PURCHASE_ORDER_STATUSES)
  status?: PurchaseOrderStatus;
}
