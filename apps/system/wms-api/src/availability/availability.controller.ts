import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Availability } from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, PlantParam } from '@plantsync/platform';
import { AvailabilityBatch, AvailabilityBatchQueryDto } from './availability-batch.query';
import { AvailabilityQueryDto } from './availability.query';

/** WMS calls in flight for one batch: enough to overlap the round trips, few enough not to flood one WMS. */
const BATCH_CONCURRENCY = 8;

/** What a plant can promise of an item. An MES may ask about its own plant (component checks at the line). */
@ApiTags('availability')
@Controller('v1/plants/:plant/availability')
@Allow('planner', 'service', 'mes')
@PlantParam()
export class AvailabilityController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Get('batch')
  @ApiOperation({
    summary: 'Availability of several items at a plant in one call',
    description:
      'The same figures as GET availability?item= for each item (plant-wide, no location or lot scope), in the order asked. An item the WMS does not know is 404 naming it.',
  })
  @ApiOkResponse({ type: AvailabilityBatch })
  async getBatch(@Param('plant') plant: string, @Query() query: AvailabilityBatchQueryDto): Promise<AvailabilityBatch> {
    const wms = this.registry.wms(plant);
    const ctx = requestCallContext('wms-api');
    const items = new Array<Availability>(query.items.length);
    let next = 0;
    const worker = async () => {
      while (next < query.items.length) {
        const i = next++;
        items[i] = await wms.getAvailability(ctx, { item: query.items[i]! });
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, query.items.length) }, worker));
    return { items };
  }

  @Get()
  @ApiOperation({
    summary: 'Availability of an item at a plant',
    description:
      'available-to-promise = unrestricted − reserved (never below zero). Stock in quality inspection, blocked or in transit is reported apart and never counts.',
  })
  @ApiOkResponse({ type: Availability })
  async get(
    @Param('plant') plant: string,
    @Query() query: AvailabilityQueryDto,
  ): Promise<Availability> {
    return this.registry.wms(plant).getAvailability(requestCallContext('wms-api'), query);
  }
}
