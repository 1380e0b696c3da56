import { Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Page, ProductionOrder } from '@plantsync/canonical';
import {
  ConnectorRegistry,
  type CallContext,
  PostingContext,
  requestCallContext,
} from '@plantsync/connectors';
import { Allow, PlantParam, PostingRoute } from '@plantsync/platform';
import { ProductionOrdersQuery } from './production-orders.query';

const TRANSITION_CONFLICT =
  'illegal-status-transition: the problem names currentStatus and requestedStatus';

/**
 * Production orders of a plant's ERP and their lifecycle postings. An MES key reads the orders of
 * its own plant only (@PlantParam: 403 plant-out-of-scope elsewhere).
 */
@ApiTags('production-orders')
@ApiExtraModels(ProductionOrder)
@Controller('v1/plants/:plant/production-orders')
@PlantParam()
export class ProductionOrdersController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Get()
  @Allow('planner', 'service', 'mes')
  @ApiOperation({
    summary: "A plant's production orders",
    description: 'Filter by status and planned start [from, to).',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: getSchemaPath(ProductionOrder) } },
        nextCursor: { type: ['string', 'null'] },
      },
    },
  })
  list(
    @Param('plant') plant: string,
    @Query() query: ProductionOrdersQuery,
  ): Promise<Page<ProductionOrder>> {
    return this.registry
      .erp(plant)
      .listProductionOrders(requestCallContext('erp-api'), { ...query, limit: query.limit ?? 50 });
  }

  @Get(':id')
  @Allow('planner', 'service', 'mes')
  @ApiOperation({ summary: 'One production order, by ERP id or order number' })
  @ApiOkResponse({ type: ProductionOrder })
  get(@Param('plant') plant: string, @Param('id') id: string): Promise<ProductionOrder> {
    return this.registry.erp(plant).getProductionOrder(requestCallContext('erp-api'), id);
  }

  @Post(':id/release')
  @PostingRoute({
    summary: 'Release a planned order to the shop floor (ERP: mrp.production.action_confirm)',
    status: 200,
    response: ProductionOrder,
    allow: ['planner', 'service'],
    conflict: TRANSITION_CONFLICT,
  })
  release(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @PostingContext('erp-api') ctx: CallContext,
  ): Promise<ProductionOrder> {
    return this.registry.erp(plant).releaseProductionOrder(ctx, id);
  }

  @Post(':id/close')
  @PostingRoute({
    summary: 'Close a completed order (ERP: mrp.production.button_mark_done)',
    status: 200,
    response: ProductionOrder,
    allow: ['planner', 'service'],
    conflict: TRANSITION_CONFLICT,
  })
  close(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @PostingContext('erp-api') ctx: CallContext,
  ): Promise<ProductionOrder> {
    return this.registry.erp(plant).closeProductionOrder(ctx, id);
  }

  @Post(':id/revert-release')
  @PostingRoute({
    summary:
      'Undo a release: released → planned while nothing was produced (ERP: Plantsync addon, mrp.production.plantsync_revert_release)',
    description:
      'The compensation of an order release that failed after the ERP step. Unlike cancel, the order stays plannable. 409 illegal-status-transition unless the order is released.',
    status: 200,
    response: ProductionOrder,
    allow: ['planner', 'service'],
    conflict: TRANSITION_CONFLICT,
  })
  revertRelease(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @PostingContext('erp-api') ctx: CallContext,
  ): Promise<ProductionOrder> {
    return this.registry.erp(plant).revertProductionOrderRelease(ctx, id);
  }

  @Post(':id/cancel')
  @PostingRoute({
    summary: 'Cancel a planned or released order (ERP: mrp.production.action_cancel)',
    status: 200,
    response: ProductionOrder,
    allow: ['planner', 'service'],
    conflict: TRANSITION_CONFLICT,
  })
  cancel(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @PostingContext('erp-api') ctx: CallContext,
  ): Promise<ProductionOrder> {
    return this.registry.erp(plant).cancelProductionOrder(ctx, id);
  }
}
