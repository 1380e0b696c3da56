import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { decimal, GoodsMovementInput, InventoryMovement } from '@plantsync/canonical';
import { ConnectorRegistry, type CallContext, PostingContext } from '@plantsync/connectors';
import { Allow, type FieldError, PlantParam, PostingRoute } from '@plantsync/platform';

import { validationFailed } from '../validation-failed';

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
