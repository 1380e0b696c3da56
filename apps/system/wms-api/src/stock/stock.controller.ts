import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  decodeOffsetCursor,
  encodeOffsetCursor,
  InvalidCursorError,
  sortBalances,
} from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, PlantParam, ProblemException } from '@plantsync/platform';
import { InventoryBalancePage } from './stock-page';
import { StockQueryDto } from './stock.query';

const DEFAULT_LIMIT = 50;

/** Stock balances per location × item × lot × status, as the plant's WMS holds them. */
@ApiTags('stock')
@Controller('v1/plants/:plant/stock')
@Allow('planner', 'service')
@PlantParam()
export class StockController {
  constructor(@Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry) {}

  @Get()
  @ApiOperation({
    summary: 'Stock balances of a plant, filtered by item, location, lot and stock status',
  })
  @ApiOkResponse({ type: InventoryBalancePage })
  async list(
    @Param('plant') plant: string,
    @Query() query: StockQueryDto,
  ): Promise<InventoryBalancePage> {
    const offset = offsetOf(query.cursor);
    const limit = query.limit ?? DEFAULT_LIMIT;
    // The WMS contract answers balances unpaged; the API pages them so responses stay bounded, in
    // the cross-system balance order (item, location, lot, status) reconciliation merges by.
    const balances = sortBalances(
      await this.registry.wms(plant).listBalances(requestCallContext('wms-api'), {
        item: query.item,
        location: query.location,
        lot: query.lot,
        status: query.status,
      }),
    );
    const items = balances.slice(offset, offset + limit);
    return {
      items,
      nextCursor: offset + limit < balances.length ? encodeOffsetCursor(offset + limit) : null,
    };
  }
}

function offsetOf(cursor: string | undefined): number {
  try {
    return decodeOffsetCursor(cursor);
  } catch (e) {
    if (!(e instanceof InvalidCursorError)) throw e;
    throw new ProblemException({
      status: 400,
      code: 'validation-failed',
      title: 'Request validation failed',
      detail: '1 field(s) are invalid.',
      extensions: { errors: [{ field: 'cursor', message: e.message }] },
    });
  }
}
