import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateExpectedReceiptInput, ExpectedReceipt } from '@plantsync/canonical';
import { type CallContext, ConnectorRegistry, PostingContext } from '@plantsync/connectors';
import { Allow, PlantParam, PostingRoute } from '@plantsync/platform';
import { assertPositiveQuantity } from '../positive-quantity';

/** Inbound deliveries a plant's WMS expects: suppliers' advance ship notices (X12 856). */
@ApiTags('expected-receipts')
@Controller('v1/plants/:plant/expected-receipts')
@Allow('planner', 'service')
@PlantParam()
export class ExpectedReceiptsController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @PostingRoute({
    summary: 'Announce an inbound delivery',
    description:
      'What the dock should expect from a supplier and when, per purchase order line. Books no stock: the goods receipt does when it arrives.',
    status: 201,
    response: ExpectedReceipt,
  })
  async create(
    @Param('plant') plant: string,
    @Body() input: CreateExpectedReceiptInput,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<ExpectedReceipt> {
    input.lines.forEach((line, i) => assertPositiveQuantity(`lines[${i}].quantity`, line.quantity));
    return this.registry.wms(plant).createExpectedReceipt(ctx, input);
  }
}
