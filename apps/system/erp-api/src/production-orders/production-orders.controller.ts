import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Page, ProductionOrder } from '@plantsync/canonical';
import { ConnectorRegistry } from '@plantsync/connectors';
import {
  Allow,
  CurrentPrincipal,
  Idempotent,
  PlantParam,
  type Principal,
  IdempotencyKey,
} from '@plantsync/platform';
import { requestCallContext } from '@plantsync/connectors';
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
  @HttpCode(200)
  @Idempotent()
  @Allow('planner', 'service')
  @ApiOperation({
    summary: 'Release a planned order to the shop floor (ERP: mrp.production.action_confirm)',
  })
  @ApiOkResponse({ type: ProductionOrder })
  @ApiConflictResponse({ description: TRANSITION_CONFLICT })
  release(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ProductionOrder> {
    return this.registry
      .erp(plant)
      .releaseProductionOrder(requestCallContext('erp-api', principal, idempotencyKey), id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Idempotent()
  @Allow('planner', 'service')
  @ApiOperation({ summary: 'Close a completed order (ERP: mrp.production.button_mark_done)' })
  @ApiOkResponse({ type: ProductionOrder })
  @ApiConflictResponse({ description: TRANSITION_CONFLICT })
  close(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ProductionOrder> {
    return this.registry
      .erp(plant)
      .closeProductionOrder(requestCallContext('erp-api', principal, idempotencyKey), id);
  }

  @Post(':id/revert-release')
  @HttpCode(200)
  @Idempotent()
  @Allow('planner', 'service')
  @ApiOperation({
    summary: 'Undo a release: released → planned while nothing was produced (ERP: Plantsync addon, mrp.production.plantsync_revert_release)',
    description:
      'The compensation of an order release that failed after the ERP step. Unlike cancel, the order stays plannable. 409 illegal-status-transition unless the order is released.',
  })
  @ApiOkResponse({ type: ProductionOrder })
  @ApiConflictResponse({ description: TRANSITION_CONFLICT })
  revertRelease(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ProductionOrder> {
    return this.registry
      .erp(plant)
      .revertProductionOrderRelease(requestCallContext('erp-api', principal, idempotencyKey), id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Idempotent()
  @Allow('planner', 'service')
  @ApiOperation({
    summary: 'Cancel a planned or released order (ERP: mrp.production.action_cancel)',
  })
  @ApiOkResponse({ type: ProductionOrder })
  @ApiConflictResponse({ description: TRANSITION_CONFLICT })
  cancel(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ProductionOrder> {
    return this.registry
      .erp(plant)
      .cancelProductionOrder(requestCallContext('erp-api', principal, idempotencyKey), id);
  }
}
