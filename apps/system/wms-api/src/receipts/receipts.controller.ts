import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateReceiptInput, Receipt } from '@plantsync/canonical';
import { ConnectorRegistry, type CallContext, PostingContext } from '@plantsync/connectors';
import { Allow, PlantParam, PostingRoute } from '@plantsync/platform';
import { assertPositiveQuantity } from '../positive-quantity';

/** Goods receipts into a plant's WMS: a purchase order line, production output. */
@ApiTags('receipts')
@Controller('v1/plants/:plant/receipts')
@Allow('planner', 'service')
@PlantParam()
export class ReceiptsController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @PostingRoute({
    summary: 'Post a goods receipt',
    description:
      'Into unrestricted stock (default), quality_inspection (not available until released) or blocked.',
    status: 201,
    response: Receipt,
  })
  async create(
    @Param('plant') plant: string,
    @Body() input: CreateReceiptInput,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<Receipt> {
    assertPositiveQuantity('quantity', input.quantity);
    return this.registry.wms(plant).createReceipt(ctx, input);
  }
}
