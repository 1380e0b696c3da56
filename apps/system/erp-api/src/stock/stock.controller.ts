import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  decodeOffsetCursor,
  encodeOffsetCursor,
  InvalidCursorError,
  InventoryBalance,
  type Page,
} from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, PlantParam } from '@plantsync/platform';
import { validationFailed } from '../validation-failed';
import { ErpStockQueryDto } from './stock.query';

const DEFAULT_LIMIT = 50;

/** Page<InventoryBalance> for the OpenAPI document. */
export class ErpInventoryBalancePage implements Page<InventoryBalance> {
  @ApiProperty({ type: [InventoryBalance] }) items!: InventoryBalance[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

/** Stock as the ERP books it: the ERP side of inventory reconciliation. */
@ApiTags('stock')
@Controller('v1/plants/:plant/stock')
@Allow('planner', 'service')
@PlantParam()
export class ErpStockController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Get()
  @ApiOperation({
    summary: 'Stock balances as the ERP books them, per item × location × lot × stock status',
    description:
      'Ordered by item, location, lot (none first) and stock status, like wms-api, so both sides merge in one pass.',
  })
  @ApiOkResponse({ type: ErpInventoryBalancePage })
  async list(
    @Param('plant') plant: string,
    @Query() query: ErpStockQueryDto,
  ): Promise<ErpInventoryBalancePage> {
    const offset = offsetOf(query.cursor);
    const limit = query.limit ?? DEFAULT_LIMIT;
    // Odoo quants are read per filter and paged here, as wms-api pages the WMS' unpaged answer.
    const balances = await this.registry
      .erp(plant)
      .listStockBalances(requestCallContext('erp-api'), {
        item: query.item,
        location: query.location,
        lot: query.lot,
      });
    return {
      items: balances.slice(offset, offset + limit),
      nextCursor: offset + limit < balances.length ? encodeOffsetCursor(offset + limit) : null,
    };
  }
}

function offsetOf(cursor: string | undefined): number {
  try {
    return decodeOffsetCursor(cursor);
  } catch (e) {
    if (!(e instanceof InvalidCursorError)) throw e;
    throw validationFailed([{ field: 'cursor', message: e.message }]);
  }
}
