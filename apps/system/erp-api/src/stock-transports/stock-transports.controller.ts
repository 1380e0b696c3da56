import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateStockTransportInput, decimal, StockTransport } from '@plantsync/canonical';
import {
  ConnectorRegistry,
  requestCallContext,
  type CallContext,
  PostingContext,
} from '@plantsync/connectors';
import { Landscape } from '@plantsync/landscape';
import { Allow, type FieldError, PlantParam, PostingRoute } from '@plantsync/platform';
import { validationFailed } from '../validation-failed';
import { StockTransportsQuery } from './stock-transports.query';

/**
 * Stock transport orders between plants. The document lives in the SOURCE plant's ERP (the path
 * plant); the goods issue there (naming it in `stockTransport`) ships it, the goods receipt at the
 * destination references it. See docs/connectors.md (odoo-json2, "Stock transport orders").
 */
@ApiTags('stock-transports')
@Controller('v1/plants/:plant/stock-transports')
@Allow('planner', 'service')
@PlantParam()
export class StockTransportsController {
  constructor(
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
    @Inject(Landscape) private readonly landscape: Landscape,
  ) {}

  @Post()
  @PostingRoute({
    summary: 'Create a stock transport order from this plant to another plant',
    description:
      'Send an Idempotency-Key: a retried create answers the same order and creates no second one.',
    status: 201,
    response: StockTransport,
    badRequest:
      'validation-failed (fields listed: e.g. toPlant unknown or the path plant), unknown-item, unknown-location, unknown-lot, unknown-unit',
  })
  create(
    @Param('plant') plant: string,
    @Body() input: CreateStockTransportInput,
    @PostingContext('erp-api') ctx: CallContext,
  ): Promise<StockTransport> {
    const errors = this.inputErrors(plant, input);
    if (errors.length > 0) throw validationFailed(errors);
    return this.registry.erp(plant).createStockTransport(ctx, input);
  }

  @Get()
  @ApiOperation({
    summary: 'Stock transport orders of one reference (business process), oldest first',
  })
  @ApiOkResponse({ type: [StockTransport] })
  list(
    @Param('plant') plant: string,
    @Query() query: StockTransportsQuery,
  ): Promise<StockTransport[]> {
    return this.registry
      .erp(plant)
      .listStockTransports(requestCallContext('erp-api'), { reference: query.reference });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A stock transport order, by id or number' })
  @ApiOkResponse({ type: StockTransport })
  @ApiNotFoundResponse({ description: 'stock-transport-not-found' })
  get(@Param('plant') plant: string, @Param('id') id: string): Promise<StockTransport> {
    return this.registry.erp(plant).getStockTransport(requestCallContext('erp-api'), id);
  }

  @Post(':id/cancel')
  @PostingRoute({
    summary: 'Cancel an open stock transport order (a cancelled one is answered unchanged)',
    status: 200,
    response: StockTransport,
    conflict: 'stock-transport-shipped: its goods issue is posted',
  })
  cancel(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @PostingContext('erp-api') ctx: CallContext,
  ): Promise<StockTransport> {
    return this.registry.erp(plant).cancelStockTransport(ctx, id);
  }

  /** Rules class-validator cannot express: another plant of the landscape, a positive quantity. */
  private inputErrors(plant: string, input: CreateStockTransportInput): FieldError[] {
    const errors: FieldError[] = [];
    const plants = this.landscape.plants().map((p) => p.code);
    if (input.toPlant === plant)
      errors.push({
        field: 'toPlant',
        message: `toPlant must be another plant than the source ${plant}`,
      });
    else if (!plants.includes(input.toPlant))
      errors.push({
        field: 'toPlant',
        message: `toPlant ${input.toPlant} is not a plant of the landscape (${plants.join(', ')})`,
      });
    if (!decimal(input.quantity.value).greaterThan(0))
      errors.push({ field: 'quantity.value', message: 'quantity.value must be greater than zero' });
    return errors;
  }
}
