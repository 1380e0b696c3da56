import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { SandboxSeeding } from '../core';
import { WmsPosting } from './http/wms-posting';
import { WmsExpectedReceiptsController } from './expected-receipts/wms-expected-receipts.controller';
import { WmsExpectedReceiptsService } from './expected-receipts/wms-expected-receipts.service';
import { WmsGoodsIssuesController } from './goods-issues/wms-goods-issues.controller';
import { WmsGoodsIssuesService } from './goods-issues/wms-goods-issues.service';
import { WmsReceiptsController } from './receipts/wms-receipts.controller';
import { WmsReceiptsService } from './receipts/wms-receipts.service';
import { WmsReservationsController } from './reservations/wms-reservations.controller';
import { WmsReservationsService } from './reservations/wms-reservations.service';
import { WmsStockBook } from './stock/wms-stock-book';
import { WmsStockController } from './stock/wms-stock.controller';
import { WmsTransferOrdersController } from './transfer-orders/wms-transfer-orders.controller';
import { WmsTransferOrdersService } from './transfer-orders/wms-transfer-orders.service';
import { wmsStockSeeder } from './wms-stock.seeder';
import { wmsReservationIndexSeeder } from './reservations/reservation-store';

/**
 * The simulated WMS of every plant at `/plants/:plant/wms/v1/...`, implementing exactly
 * docs/wms-contract.openapi.yaml (Plantsync's own WMS contract, served by the rest-wms connector).
 */
@Module({
  controllers: [
    WmsStockController,
    WmsReservationsController,
    WmsTransferOrdersController,
    WmsReceiptsController,
    WmsExpectedReceiptsController,
    WmsGoodsIssuesController,
  ],
  providers: [
    WmsStockBook,
    WmsPosting,
    WmsReservationsService,
    WmsTransferOrdersService,
    WmsReceiptsService,
    WmsExpectedReceiptsService,
    WmsGoodsIssuesService,
  ],
})
export class RestWmsSimulatorModule implements OnModuleInit {
  constructor(@Inject(SandboxSeeding) private readonly seeding: SandboxSeeding) {}

  onModuleInit(): void {
    this.seeding.register(wmsStockSeeder);
    this.seeding.register(wmsReservationIndexSeeder);
  }
}
