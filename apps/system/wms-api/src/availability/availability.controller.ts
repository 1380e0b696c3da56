import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Availability } from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, PlantParam } from '@plantsync/platform';
import { AvailabilityQueryDto } from './availability.query';

/** What a plant can promise of an item. An MES may ask about its own plant (component checks at the line). */
@ApiTags('availability')
@Controller('v1/plants/:plant/availability')
@Allow('planner', 'service', 'mes')
@PlantParam()
export class AvailabilityController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

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
