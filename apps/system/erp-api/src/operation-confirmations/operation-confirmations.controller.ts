import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConfirmOperationInput, decimal, OperationConfirmation } from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, CurrentPrincipal, type FieldError, Idempotent, IdempotencyKey, PlantParam, type Principal } from '@plantsync/platform';
import { validationFailed } from '../validation-failed';

/** Confirmations of what the shop floor produced on a production order's operations. */
@ApiTags('production-orders')
@Controller('v1/plants/:plant/production-orders/:id/confirmations')
@Allow('service')
@PlantParam()
export class OperationConfirmationsController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @HttpCode(201)
  @Idempotent({ required: true })
  @ApiOperation({
    summary: 'Confirm an operation: yield, scrap and scrap reason (production-sync)',
    description:
      "Adds to the operation's and the order's produced totals in the ERP; goods movements are posted apart. " +
      'The Idempotency-Key is required: the ERP keeps each confirmation under it, so a retry is recorded once.',
  })
  @ApiCreatedResponse({ type: OperationConfirmation })
  @ApiBadRequestResponse({ description: 'validation-failed (fields listed), unit-mismatch (not the order unit), idempotency-key-required' })
  @ApiNotFoundResponse({ description: 'the production order does not exist' })
  @ApiConflictResponse({ description: 'confirmation-refused: the order is not in production (planned, closed, cancelled) or the operation is done' })
  confirm(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @Body() input: ConfirmOperationInput,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<OperationConfirmation> {
    const errors: FieldError[] = [];
    for (const field of ['yield', 'scrap'] as const)
      if (decimal(input[field].value).isNegative()) errors.push({ field: `${field}.value`, message: `${field}.value must not be negative` });
    if (errors.length > 0) throw validationFailed(errors);
    return this.registry.erp(plant).confirmOperation(requestCallContext('erp-api', principal, idempotencyKey), id, input);
  }
}
