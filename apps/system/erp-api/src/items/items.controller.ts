import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Item, type Page, UnitConversion } from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, PlantParam } from '@plantsync/platform';
import { ItemsQuery } from './items.query';

/** Item master data of a plant's ERP (the ERP is the system of record for items). */
@ApiTags('items')
@ApiExtraModels(Item, UnitConversion)
@Controller('v1/plants/:plant/items')
@Allow('planner', 'service')
@PlantParam()
export class ItemsController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Get()
  @ApiOperation({
    summary: "Search the plant's items",
    description: 'Cursor-paged; pass nextCursor back as cursor.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: getSchemaPath(Item) } },
        nextCursor: { type: ['string', 'null'] },
      },
    },
  })
  list(@Param('plant') plant: string, @Query() query: ItemsQuery): Promise<Page<Item>> {
    return this.registry
      .erp(plant)
      .listItems(requestCallContext('erp-api'), { ...query, limit: query.limit ?? 50 });
  }

  @Get(':code')
  @ApiOperation({ summary: 'One item with its plant extension' })
  @ApiOkResponse({ type: Item })
  get(@Param('plant') plant: string, @Param('code') code: string): Promise<Item> {
    return this.registry.erp(plant).getItem(requestCallContext('erp-api'), code);
  }

  @Get(':code/unit-conversions')
  @ApiOperation({
    summary: 'Unit conversions that apply to the item',
    description:
      'Its own (a BOX of 12 brackets) and the general ones (KG ↔ G), so a caller can compare a purchase order line in BOX with a requirement in EA (canonical convertQuantity).',
  })
  @ApiOkResponse({ type: [UnitConversion] })
  async unitConversions(
    @Param('plant') plant: string,
    @Param('code') code: string,
  ): Promise<UnitConversion[]> {
    const erp = this.registry.erp(plant);
    const ctx = requestCallContext('erp-api');
    await erp.getItem(ctx, code); // 404 item-not-found for an item the plant does not carry
    return (await erp.listUnitConversions(ctx)).filter((c) => !c.item || c.item === code);
  }
}
