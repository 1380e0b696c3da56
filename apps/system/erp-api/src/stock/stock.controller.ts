import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InvalidCursorError, InventoryBalance, type Page } from '@plantsync/canonical';
import { ConnectorRegistry, requestCallContext } from '@plantsync/connectors';
import { Allow, ListingSnapshots, PlantParam } from '@plantsync/platform';
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
  /** One ERP read per listing instead of one per page (see ListingSnapshots). */
  private readonly snapshots = new ListingSnapshots<InventoryBalance>();

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
    const filter = { item: query.item, location: query.location, lot: query.lot };
    // Odoo quants are read per filter and paged here, as wms-api pages the WMS' unpaged answer.
    try {
      return await this.snapshots.page(
        JSON.stringify([plant, filter]),
        query.cursor,
        query.limit ?? DEFAULT_LIMIT,
        () => this.registry.erp(plant).listStockBalances(requestCallContext('erp-api'), filter),
      );
    } catch (e) {
      if (e instanceof InvalidCursorError)
        throw validationFailed([{ field: 'cursor', message: e.message }]);
      throw e;
    }
  }
}
