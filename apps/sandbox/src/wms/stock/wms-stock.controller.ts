import { Controller, Get, Inject, Param, Query, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import { WmsBearerGuard } from '../http/wms-bearer.guard';
import { WmsCorrelationInterceptor } from '../http/wms-correlation.interceptor';
import { WmsProblemFilter } from '../http/wms-problem.filter';
import { wmsChecks } from '../http/wms-request-checks';
import { wmsValidationPipe } from '../http/wms-validation.pipe';
import { StockQueryDto } from '../dto/wms-requests.dto';
import { stockUnitOf, warehouseOf } from '../wms-master-data';
import type { StockRecord } from '../wms.records';
import { WmsStockBook } from './wms-stock-book';

/** GET /v1/stock of the WMS contract. */
@Controller('plants/:plant/wms/v1/stock')
@UseGuards(WmsBearerGuard)
@UseFilters(WmsProblemFilter)
@UseInterceptors(WmsCorrelationInterceptor)
@UsePipes(wmsValidationPipe)
export class WmsStockController {
  constructor(@Inject(WmsStockBook) private readonly stock: WmsStockBook) {}

  @Get()
  list(@Param('plant') plant: string, @Query() query: StockQueryDto) {
    wmsChecks.warehouse(plant, query.warehouse);
    const stockUnit = query.item ? stockUnitOf(query.item) : undefined;
    const filter = { item: query.item, location: query.location, lot: query.lot, status: query.status };
    // Without `limit` the whole listing (after `after`) in one answer, as before paging existed.
    const page = this.stock.page(plant, filter, query.after, query.limit ?? Number.MAX_SAFE_INTEGER - 1);
    return {
      warehouseCode: warehouseOf(plant),
      ...(stockUnit ? { stockUnit } : {}),
      balances: page.balances.map(({ id: _id, ...balance }: StockRecord) => balance),
      ...(page.nextAfter ? { nextAfter: page.nextAfter } : {}),
    };
  }
}
