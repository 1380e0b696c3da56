import { getSchemaPath } from '@nestjs/swagger';
import { PurchaseOrder } from '@plantsync/canonical';

/** OpenAPI schema of Page<PurchaseOrder>. */
export const PURCHASE_ORDER_PAGE_SCHEMA = {
  type: 'object' as const,
  properties: {
    items: { type: 'array' as const, items: { $ref: getSchemaPath(PurchaseOrder) } },
    nextCursor: { type: ['string', 'null'] as ('string' | 'null')[] },
  },
};
