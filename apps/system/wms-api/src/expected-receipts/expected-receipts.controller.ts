import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateExpectedReceiptInput, ExpectedReceipt } from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, CurrentPrincipal, Idempotent, IdempotencyKey, PlantParam, type Principal } from '@plantsync/platform';
import { assertPositiveQuantity } from '../positive-quantity';

/** Inbound deliveries a plant's WMS expects: suppliers' advance ship notices (X12 856). */
@ApiTags('expected-receipts')
@Controller('v1/plants/:plant/expected-receipts')
@Allow('planner', 'service')
@PlantParam()
export class ExpectedReceiptsController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Announce an inbound delivery',
    description: 'What the dock should expect from a supplier and when, per purchase order line. Books no stock: the goods receipt does when it arrives.',
  })
  @ApiCreatedResponse({ type: ExpectedReceipt })
  async create(
    @Param('plant') plant: string,
    @Body() input: CreateExpectedReceiptInput,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ExpectedReceipt> {
    input.lines.forEach((line, i) => assertPositiveQuantity(`lines[${i}].quantity`, line.quantity));
    return this.registry.wms(plant).createExpectedReceipt(requestCallContext('wms-api', principal, idempotencyKey), input);
  }
}
