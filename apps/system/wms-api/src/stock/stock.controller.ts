import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { decodeBalanceCursor, encodeBalanceCursor, InvalidCursorError, type BalanceKey } from '@plantsync/canonical';
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
    description:
      'Ordered by item, location, lot (none first) and stock status, like erp-api. Keyset-paged: `nextCursor` names the last balance served, and the next page holds the balances after it as the WMS holds them then. A balance that exists throughout is served exactly once; one added or removed meanwhile appears when it sorts after the cursor.',
  })
  @ApiOkResponse({ type: InventoryBalancePage })
  async list(
    @Param('plant') plant: string,
    @Query() query: StockQueryDto,
  ): Promise<InventoryBalancePage> {
    const filter = {
      item: query.item,
      location: query.location,
      lot: query.lot,
      status: query.status,
    };
    // Keyset paging straight through the WMS: the cursor is the last balance's key, and a page is
    // the WMS' next page after it, in the balance order reconciliation merges by. Nothing is kept
    // between pages (docs/reconciliation.md, "Reading stock").
    let after: BalanceKey | undefined;
    try {
      after = query.cursor ? decodeBalanceCursor(query.cursor) : undefined;
    } catch (e) {
      if (e instanceof InvalidCursorError) throw invalidCursor(e);
      throw e;
    }
    const page = await this.registry
      .wms(plant)
      .listBalancePage(requestCallContext('wms-api'), filter, { after, limit: query.limit ?? DEFAULT_LIMIT });
    return { items: page.items, nextCursor: page.nextAfter ? encodeBalanceCursor(page.nextAfter) : null };
  }
}

function invalidCursor(e: InvalidCursorError): ProblemException {
  return new ProblemException({
    status: 400,
    code: 'validation-failed',
    title: 'Request validation failed',
    detail: '1 field(s) are invalid.',
    extensions: { errors: [{ field: 'cursor', message: e.message }] },
  });
}
