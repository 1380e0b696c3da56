import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ConfirmOperationInput, decimal, OperationConfirmation } from '@plantsync/canonical';
import { ConnectorRegistry, type CallContext, PostingContext } from '@plantsync/connectors';
import { Allow, type FieldError, PlantParam, PostingRoute } from '@plantsync/platform';
import { validationFailed } from '../validation-failed';

/** Confirmations of what the shop floor produced on a production order's operations. */
@ApiTags('production-orders')
@Controller('v1/plants/:plant/production-orders/:id/confirmations')
@Allow('service')
@PlantParam()
export class OperationConfirmationsController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @PostingRoute({
    summary: 'Confirm an operation: yield, scrap and scrap reason (production-sync)',
    description:
      "Adds to the operation's and the order's produced totals in the ERP; goods movements are posted apart. " +
      'The Idempotency-Key is required: the ERP keeps each confirmation under it, so a retry is recorded once.',
    status: 201,
    idempotencyKey: 'required',
    response: OperationConfirmation,
    badRequest:
      'validation-failed (fields listed), unit-mismatch (not the order unit), idempotency-key-required',
    notFound: 'the production order does not exist',
    conflict:
      'confirmation-refused: the order is not in production (planned, closed, cancelled) or the operation is done',
  })
  confirm(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @Body() input: ConfirmOperationInput,
    @PostingContext('erp-api') ctx: CallContext,
  ): Promise<OperationConfirmation> {
    const errors: FieldError[] = [];
    for (const field of ['yield', 'scrap'] as const)
      if (decimal(input[field].value).isNegative())
        errors.push({ field: `${field}.value`, message: `${field}.value must not be negative` });
    if (errors.length > 0) throw validationFailed(errors);
    return this.registry.erp(plant).confirmOperation(ctx, id, input);
  }
}
