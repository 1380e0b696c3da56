import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateGoodsIssueInput, GoodsIssue } from '@plantsync/canonical';
import { ConnectorRegistry, type CallContext, PostingContext } from '@plantsync/connectors';
import { Allow, PlantParam, PostingRoute } from '@plantsync/platform';
import { assertPositiveQuantity } from '../positive-quantity';

/** Goods issues out of a plant's WMS: components consumed by production (backflush), scrap. */
@ApiTags('goods-issues')
@Controller('v1/plants/:plant/goods-issues')
@Allow('planner', 'service')
@PlantParam()
export class GoodsIssuesController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Post()
  @PostingRoute({
    summary: 'Post a goods issue',
    description:
      'Takes unrestricted stock out of one location (and lot), e.g. what a production order consumed from the line. ' +
      'Physical stock decides, not availability: the consuming order usually holds the reservation.',
    status: 201,
    response: GoodsIssue,
    conflict: 'insufficient-stock: the balance holds less; nothing was taken.',
  })
  async create(
    @Param('plant') plant: string,
    @Body() input: CreateGoodsIssueInput,
    @PostingContext('wms-api') ctx: CallContext,
  ): Promise<GoodsIssue> {
    assertPositiveQuantity('quantity', input.quantity);
    return this.registry.wms(plant).createGoodsIssue(ctx, input);
  }
}
