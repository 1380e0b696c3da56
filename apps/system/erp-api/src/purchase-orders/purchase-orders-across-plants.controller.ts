import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PurchaseOrder } from '@plantsync/canonical';
import { Allow, CurrentPrincipal, type Principal } from '@plantsync/platform';
import { PURCHASE_ORDER_PAGE_SCHEMA } from './purchase-order-page.schema';
import { PurchaseOrdersQuery } from './purchase-orders.query';
import { PurchaseOrdersService } from './purchase-orders.service';

/** Purchase orders of every plant in one list: what a supplier portal shows on its first page. */
@ApiTags('purchase-orders')
@Controller('v1/purchase-orders')
@Allow('planner', 'service', 'supplier')
export class PurchaseOrdersAcrossPlantsController {
  constructor(@Inject(PurchaseOrdersService) private readonly orders: PurchaseOrdersService) {}

  @Get()
  @ApiOperation({
    summary: 'Purchase orders across all plants',
    description: 'Plant after plant in landscape order. A supplier key gets only its own orders.',
  })
  @ApiOkResponse({ schema: PURCHASE_ORDER_PAGE_SCHEMA })
  list(
    @Query() query: PurchaseOrdersQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<PurchaseOrder>> {
    return this.orders.listAcrossPlants(principal, query);
  }
}
