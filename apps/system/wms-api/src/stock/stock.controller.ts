import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvalidCursorError, sortBalances, type InventoryBalance } from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, ListingSnapshots, PlantParam, ProblemException } from '@plantsync/platform';
import { InventoryBalancePage } from './stock-page';
import { StockQueryDto } from './stock.query';

const DEFAULT_LIMIT = 50;

/** Stock balances per location × item × lot × status, as the plant's WMS holds them. */
@ApiTags('stock')
@Controller('v1/plants/:plant/stock')
@Allow('planner', 'service')
@PlantParam()
export class StockController {
  /** One WMS read per listing instead of one per page (see ListingSnapshots). */
  private readonly snapshots = new ListingSnapshots<InventoryBalance>();

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
    const filter = {
      item: query.item,
      location: query.location,
      lot: query.lot,
      status: query.status,
    };
    // The WMS contract answers balances unpaged; the API pages them so responses stay bounded, in
    // the cross-system balance order (item, location, lot, status) reconciliation merges by.
    try {
      return await this.snapshots.page(
        JSON.stringify([plant, filter]),
        query.cursor,
        query.limit ?? DEFAULT_LIMIT,
        async () =>
          sortBalances(
            await this.registry.wms(plant).listBalances(requestCallContext('wms-api'), filter),
          ),
      );
    } catch (e) {
      if (e instanceof InvalidCursorError) throw invalidCursor(e);
      throw e;
    }
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
