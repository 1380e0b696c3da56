import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateReceiptInput, Receipt } from '@plantsync/canonical';
import { ConnectorRegistry } from '@plantsync/connectors';
import {
  Allow,
  CurrentPrincipal,
  Idempotent,
  PlantParam,
  type Principal,
  IdempotencyKey,
} from '@plantsync/platform';
import { assertPositiveQuantity } from '../positive-quantity';
import { requestCallContext } from '@plantsync/connectors';

/** Goods receipts into a plant's WMS: a purchase order line, production output. */
@ApiTags('receipts')
@Controller('v1/plants/:plant/receipts')
@Allow('planner', 'service')
@PlantParam()
export class ReceiptsController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Post a goods receipt',
    description:
      'Into unrestricted stock (default), quality_inspection (not available until released) or blocked.',
  })
  @ApiCreatedResponse({ type: Receipt })
  async create(
    @Param('plant') plant: string,
    @Body() input: CreateReceiptInput,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<Receipt> {
    assertPositiveQuantity('quantity', input.quantity);
    return this.registry
      .wms(plant)
      .createReceipt(requestCallContext('wms-api', principal, idempotencyKey), input);
  }
}
