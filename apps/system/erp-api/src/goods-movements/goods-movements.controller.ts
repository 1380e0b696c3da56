import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { decimal, GoodsMovementInput, GoodsMovementRecord, InventoryMovement } from '@plantsync/canonical';
import { ConnectorRegistry, type CallContext, PostingContext, requestCallContext } from '@plantsync/connectors';
import { Allow, type FieldError, PlantParam, PostingRoute } from '@plantsync/platform';

import { validationFailed } from '../validation-failed';
import { DEFAULT_MOVEMENT_LIMIT, GoodsMovementHistoryQuery } from './goods-movements.query';

/** Locations each movement type needs: an issue leaves one, a receipt enters one, a transfer both. */
function locationErrors(input: GoodsMovementInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.type !== 'goods_receipt' && !input.fromLocation)
    errors.push({ field: 'fromLocation', message: `fromLocation is required for ${input.type}` });
  if (input.type !== 'goods_issue' && !input.toLocation)
    errors.push({ field: 'toLocation', message: `toLocation is required for ${input.type}` });
  if (!decimal(input.quantity.value).greaterThan(0))
    errors.push({ field: 'quantity.value', message: 'quantity.value must be greater than zero' });
  return errors;
}

@ApiTags('goods-movements')
@Controller('v1/plants/:plant/goods-movements')
@Allow('planner', 'service')
@PlantParam()
export class GoodsMovementsController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Get()
  @ApiOperation({
    summary: 'Posted goods movements on an item × location × lot, newest first',
    description:
      'The ERP\'s movement history: what explains a balance. A location matches movements leaving or entering it. ' +
      'postingKey is the Idempotency-Key Plantsync posted under; origin names the process when the key does.',
  })
  @ApiOkResponse({ type: [GoodsMovementRecord] })
  list(@Param('plant') plant: string, @Query() query: GoodsMovementHistoryQuery): Promise<GoodsMovementRecord[]> {
    return this.registry.erp(plant).listGoodsMovements(requestCallContext('erp-api'), {
      item: query.item,
      location: query.location,
      lot: query.lot,
      limit: query.limit ?? DEFAULT_MOVEMENT_LIMIT,
    });
  }

  @Post()
  @PostingRoute({
    summary: 'Post a goods issue, goods receipt or transfer posting in the ERP',
    description: 'Send an Idempotency-Key: a retried posting is applied once.',
    status: 201,
    response: InventoryMovement,
    badRequest:
      'validation-failed (fields listed), unknown-item, unknown-location, unknown-lot, unknown-unit',
    conflict: 'goods-movement-refused, e.g. not enough stock at the source location',
  })
  post(
    @Param('plant') plant: string,
    @Body() input: GoodsMovementInput,
    @PostingContext('erp-api') ctx: CallContext,
  ): Promise<InventoryMovement> {
    const errors = locationErrors(input);
    if (errors.length > 0) throw validationFailed(errors);
    return this.registry.erp(plant).postGoodsMovement(ctx, input);
  }
}
