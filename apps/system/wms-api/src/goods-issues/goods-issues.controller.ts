import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateGoodsIssueInput, GoodsIssue } from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, CurrentPrincipal, Idempotent, IdempotencyKey, PlantParam, type Principal } from '@plantsync/platform';
import { assertPositiveQuantity } from '../positive-quantity';

/** Goods issues out of a plant's WMS: components consumed by production (backflush), scrap. */
@ApiTags('goods-issues')
@Controller('v1/plants/:plant/goods-issues')
@Allow('planner', 'service')
@PlantParam()
export class GoodsIssuesController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Post a goods issue',
    description:
      'Takes unrestricted stock out of one location (and lot), e.g. what a production order consumed from the line. ' +
      'Physical stock decides, not availability: the consuming order usually holds the reservation.',
  })
  @ApiCreatedResponse({ type: GoodsIssue })
  @ApiConflictResponse({ description: 'insufficient-stock: the balance holds less; nothing was taken.' })
  async create(
    @Param('plant') plant: string,
    @Body() input: CreateGoodsIssueInput,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<GoodsIssue> {
    assertPositiveQuantity('quantity', input.quantity);
    return this.registry.wms(plant).createGoodsIssue(requestCallContext('wms-api', principal, idempotencyKey), input);
  }
}
