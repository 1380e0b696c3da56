import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { decodeBalanceCursor, encodeBalanceCursor, InvalidCursorError, InventoryBalance, type BalanceKey, type Page } from '@plantsync/canonical';
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
      'Ordered by item, location, lot (none first) and stock status, like wms-api, so both sides merge in one pass. Keyset-paged: `nextCursor` names the last balance served, and the next page holds the balances after it as the ERP books them then. A balance that exists throughout is served exactly once; one added or removed meanwhile appears when it sorts after the cursor.',
  })
  @ApiOkResponse({ type: ErpInventoryBalancePage })
  async list(
    @Param('plant') plant: string,
    @Query() query: ErpStockQueryDto,
  ): Promise<ErpInventoryBalancePage> {
    const filter = { item: query.item, location: query.location, lot: query.lot };
    // Keyset paging straight through the ERP: the cursor is the last balance's key, and a page is
    // one range read after it in the balance order (docs/reconciliation.md, "Reading stock").
    let after: BalanceKey | undefined;
    try {
      after = query.cursor ? decodeBalanceCursor(query.cursor) : undefined;
    } catch (e) {
      if (e instanceof InvalidCursorError)
        throw validationFailed([{ field: 'cursor', message: e.message }]);
      throw e;
    }
    const page = await this.registry
      .erp(plant)
      .listStockBalancePage(requestCallContext('erp-api'), filter, { after, limit: query.limit ?? DEFAULT_LIMIT });
    return { items: page.items, nextCursor: page.nextAfter ? encodeBalanceCursor(page.nextAfter) : null };
  }
}
