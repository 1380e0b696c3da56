import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AcknowledgePurchaseOrderInput, type Page, PurchaseOrder } from '@plantsync/canonical';
import {
  Allow,
  CurrentPrincipal,
  Idempotent,
  type Principal,
  IdempotencyKey,
} from '@plantsync/platform';
import { PURCHASE_ORDER_PAGE_SCHEMA } from './purchase-order-page.schema';
import { PurchaseOrdersQuery } from './purchase-orders.query';
import { PurchaseOrdersService } from './purchase-orders.service';

/**
 * A plant's purchase orders. Supplier keys are admitted for every plant (no @PlantParam: a
 * supplier delivers to several plants) and narrowed to their own orders object by object.
 */
@ApiTags('purchase-orders')
@ApiExtraModels(PurchaseOrder)
@Controller('v1/plants/:plant/purchase-orders')
@Allow('planner', 'service', 'supplier')
export class PurchaseOrdersController {
  constructor(@Inject(PurchaseOrdersService) private readonly orders: PurchaseOrdersService) {}

  @Get()
  @ApiOperation({
    summary: "A plant's purchase orders",
    description: 'A supplier key gets only its own orders, whatever `supplier` says.',
  })
  @ApiOkResponse({ schema: PURCHASE_ORDER_PAGE_SCHEMA })
  list(
    @Param('plant') plant: string,
    @Query() query: PurchaseOrdersQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<PurchaseOrder>> {
    return this.orders.list(plant, principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One purchase order, by ERP id or order number' })
  @ApiOkResponse({ type: PurchaseOrder })
  @ApiNotFoundResponse({ description: "Also for another supplier's order" })
  get(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PurchaseOrder> {
    return this.orders.get(plant, principal, id);
  }

  @Post(':id/acknowledgements')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary:
      "The supplier's answer per line (accepted, rejected, changed with a proposed date or quantity)",
    description:
      'Stored on the order lines in the ERP in one transaction; returns the updated order.',
  })
  @ApiOkResponse({ type: PurchaseOrder })
  @ApiNotFoundResponse({ description: "Also for another supplier's order" })
  acknowledge(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @Body() input: AcknowledgePurchaseOrderInput,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PurchaseOrder> {
    return this.orders.acknowledge(plant, principal, id, input, idempotencyKey);
  }
}
