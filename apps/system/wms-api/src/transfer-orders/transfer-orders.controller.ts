import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateTransferOrderInput,
  ReceiveTransferInput,
  TransferOrder,
} from '@plantsync/canonical';
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
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary:
      'Create a transfer order from a location of this plant to a location of this or another plant',
  })
  @ApiCreatedResponse({ type: TransferOrder })
  @ApiBadRequestResponse({ description: 'validation-failed, unknown-reservation, reservation-mismatch, unknown-location, …' })
  @ApiConflictResponse({ description: 'insufficient-stock; invalid-state (the named reservation is not open or already taken over)' })
  async create(
    @Param('plant') plant: string,
    @Body() input: CreateTransferOrderInput,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TransferOrder> {
    assertPositiveQuantity('quantity', input.quantity);
    return this.registry
      .wms(plant)
      .createTransferOrder(requestCallContext('wms-api', principal, idempotencyKey), input);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A transfer order' })
  @ApiOkResponse({ type: TransferOrder })
  async get(@Param('plant') plant: string, @Param('id') id: string): Promise<TransferOrder> {
    return this.registry.wms(plant).getTransferOrder(requestCallContext('wms-api'), id);
  }

  @Post(':id/pick')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary:
      'Pick (created → picked); the WMS chooses the lots, first in first out, unless the order names one',
  })
  @ApiOkResponse({ type: TransferOrder })
  async pick(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TransferOrder> {
    return this.registry
      .wms(plant)
      .pickTransferOrder(requestCallContext('wms-api', principal, idempotencyKey), id);
  }

  @Post(':id/ship')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary:
      "Ship (picked → shipped); the stock shows as in_transit at the destination plant's transit location",
  })
  @ApiOkResponse({ type: TransferOrder })
  async ship(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TransferOrder> {
    return this.registry
      .wms(plant)
      .shipTransferOrder(requestCallContext('wms-api', principal, idempotencyKey), id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary:
      'Cancel a transfer order that has not shipped (created/picked → cancelled); a reservation it took over is cancelled with it',
  })
  @ApiOkResponse({ type: TransferOrder, description: 'Cancelled (a cancelled order is answered unchanged)' })
  @ApiConflictResponse({ description: 'invalid-state: the order shipped, the goods left the source' })
  async cancel(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TransferOrder> {
    return this.registry
      .wms(plant)
      .cancelTransferOrder(requestCallContext('wms-api', principal, idempotencyKey), id);
  }

  @Post(':id/receive')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Receive (part of) a shipped transfer order at its destination; over-receipt is 409',
  })
  @ApiOkResponse({ type: TransferOrder })
  @ApiConflictResponse({ description: 'over-receipt or invalid-state' })
  async receive(
    @Param('plant') plant: string,
    @Param('id') id: string,
    @Body() input: ReceiveTransferInput,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TransferOrder> {
    assertPositiveQuantity('quantity', input.quantity);
    return this.registry
      .wms(plant)
      .receiveTransferOrder(requestCallContext('wms-api', principal, idempotencyKey), id, input);
  }
}
