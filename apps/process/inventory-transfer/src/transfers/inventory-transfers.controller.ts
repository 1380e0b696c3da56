import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, Allow, CurrentPrincipal, Idempotent, IdempotencyKey, type Principal } from '@plantsync/platform';
import type { FastifyReply } from 'fastify';
import {
  CreateInventoryTransferDto,
  ListInventoryTransfersQuery,
  RecordTransferReceiptDto,
  ResolveInventoryTransferDto,
} from './dto/create-inventory-transfer.dto';
import { InventoryTransferView } from './inventory-transfer.view';
import { InventoryTransfersService } from './inventory-transfers.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('inventory-transfers')
@Controller('v1/inventory-transfers')
@Allow('planner', 'service', 'admin')
export class InventoryTransfersController {
  constructor(@Inject(InventoryTransfersService) private readonly transfers: InventoryTransfersService) {}

  @Post()
  @HttpCode(202)
  @Idempotent({ required: true })
  @ApiOperation({
    summary: 'Request a transfer of stock from one plant to another',
    description:
      'Accepted at once; the saga validates, reserves, creates the stock transport order in the ERP, ships and waits for receipts. Follow it at the Location. The same Idempotency-Key again answers the same transfer.',
  })
  @ApiAcceptedResponse({ type: InventoryTransferView })
  @ApiBadRequestResponse({ description: 'validation-failed, idempotency-key-required' })
  async create(
    @Body() body: CreateInventoryTransferDto,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: string,
    @IdempotencyKey() idempotencyKey: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InventoryTransferView> {
    const view = await this.transfers.request(body, principal, idempotencyKey, actor);
    reply.header('Location', `/v1/inventory-transfers/${view.id}`);
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Transfers from or to a plant, newest first' })
  @ApiOkResponse({ type: [InventoryTransferView] })
  list(@Query() query: ListInventoryTransfersQuery): Promise<InventoryTransferView[]> {
    return this.transfers.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A transfer: state, every step with timestamps, quantities shipped and received' })
  @ApiOkResponse({ type: InventoryTransferView })
  @ApiNotFoundResponse({ description: 'inventory-transfer-not-found' })
  get(@Param('id', uuid) id: string): Promise<InventoryTransferView> {
    return this.transfers.get(id);
  }

  @Post(':id/receipts')
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'The destination confirms what arrived (partial receipts allowed)',
    description: 'Receiving more than is still in transit is 409 over-receipt. The last receipt continues the transfer to the ERP postings.',
  })
  @ApiOkResponse({ type: InventoryTransferView })
  @ApiConflictResponse({ description: 'over-receipt, transfer-not-in-transit' })
  receive(
    @Param('id', uuid) id: string,
    @Body() body: RecordTransferReceiptDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<InventoryTransferView> {
    return this.transfers.receive(id, body.quantity, principal, idempotencyKey);
  }

  @Delete(':id')
  @HttpCode(202)
  @ApiOperation({ summary: 'Cancel a transfer that has not shipped (its transfer order, stock transport order and reservation are cancelled)' })
  @ApiAcceptedResponse({ type: InventoryTransferView })
  @ApiConflictResponse({ description: 'transfer-already-shipped, saga-state-conflict' })
  cancel(@Param('id', uuid) id: string, @Actor() actor: string): Promise<InventoryTransferView> {
    return this.transfers.cancel(id, actor);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Allow('planner', 'admin')
  @ApiOperation({ summary: 'Retry the failed step of a transfer in exception (after fixing the cause)' })
  @ApiAcceptedResponse({ type: InventoryTransferView })
  @ApiConflictResponse({ description: 'saga-state-conflict: only a transfer in exception can be retried' })
  retry(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<InventoryTransferView> {
    return this.transfers.retry(id, principal);
  }

  @Post(':id/resolution')
  @HttpCode(200)
  @Allow('planner', 'admin')
  @ApiOperation({ summary: 'Close a transfer in exception that a person settled by hand (nothing is undone)' })
  @ApiOkResponse({ type: InventoryTransferView })
  @ApiConflictResponse({ description: 'saga-state-conflict: only a transfer in exception can be resolved' })
  resolve(
    @Param('id', uuid) id: string,
    @Body() body: ResolveInventoryTransferDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InventoryTransferView> {
    return this.transfers.resolve(id, body.note, principal);
  }
}
