import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateTransferOrderInput,
  ReceiveTransferInput,
  TransferOrder,
} from '@plantsync/canonical';
import {
  ConnectorRegistry,
  type CallContext,
  PostingContext,
  requestCallContext,
} from '@plantsync/connectors';
import { Allow, PlantParam, PostingRoute } from '@plantsync/platform';
import { assertPositiveQuantity } from '../positive-quantity';

/**
 * Transfer orders live at the SOURCE plant: create, pick, ship, receive and cancel are all called
 * under the source plant's path, also for cross-plant moves (the destination is `toPlant`).
 */
@ApiTags('transfer-orders')
@Controller('v1/plants/:plant/transfer-orders')
@Allow('planner', 'service')
@PlantParam()
export class TransferOrdersController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @PostingRoute({
    summary:
      'Create a transfer order from a location of this plant to a location of this or another plant',
    status: 201,
    response: TransferOrder,
    badRequest: 'validation-failed, unknown-reservation, reservation-mismatch, unknown-location, …',
    conflict:
      'insufficient-stock; invalid-state (the named reservation is not open or already taken over)',
  })
  async create(
    @Param('plant') plant: string,
    @Body() input: CreateTransferOrderInput,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<TransferOrder> {
    assertPositiveQuantity('quantity', input.quantity);
    return this.registry.wms(plant).createTransferOrder(ctx, input);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A transfer order' })
  @ApiOkResponse({ type: TransferOrder })
  async get(@Param('plant') plant: string, @Param('id') id: string): Promise<TransferOrder> {
    return this.registry.wms(plant).getTransferOrder(requestCallContext('wms-api'), id);
  }

  @Post(':id/pick')
  @PostingRoute({
    summary:
      'Pick (created → picked); the WMS chooses the lots, first in first out, unless the order names one',
    status: 200,
    response: TransferOrder,
  })
  async pick(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<TransferOrder> {
    return this.registry.wms(plant).pickTransferOrder(ctx, id);
  }

  @Post(':id/ship')
  @PostingRoute({
    summary:
      "Ship (picked → shipped); the stock shows as in_transit at the destination plant's transit location",
    status: 200,
    response: TransferOrder,
  })
  async ship(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<TransferOrder> {
    return this.registry.wms(plant).shipTransferOrder(ctx, id);
  }

  @Post(':id/cancel')
  @PostingRoute({
    summary:
      'Cancel a transfer order that has not shipped (created/picked → cancelled); a reservation it took over is cancelled with it',
    status: 200,
    response: TransferOrder,
    responseDescription: 'Cancelled (a cancelled order is answered unchanged)',
    conflict: 'invalid-state: the order shipped, the goods left the source',
  })
  async cancel(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<TransferOrder> {
    return this.registry.wms(plant).cancelTransferOrder(ctx, id);
  }

  @Post(':id/receive')
  @PostingRoute({
    summary: 'Receive (part of) a shipped transfer order at its destination; over-receipt is 409',
    status: 200,
    response: TransferOrder,
    conflict: 'over-receipt or invalid-state',
  })
  async receive(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @Body() input: ReceiveTransferInput,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<TransferOrder> {
    assertPositiveQuantity('quantity', input.quantity);
    return this.registry.wms(plant).receiveTransferOrder(ctx, id, input);
  }
}
