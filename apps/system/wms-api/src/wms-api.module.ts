import { DynamicModule, Module } from '@nestjs/common';
import { ConnectorsModule, restWmsConnectorFactory } from '@plantsync/connectors';
import { Landscape, LandscapeModule } from '@plantsync/landscape';
import { PlatformModule } from '@plantsync/platform';
import { AvailabilityModule } from './availability/availability.module';
import { ExpectedReceiptsModule } from './expected-receipts/expected-receipts.module';
import { GoodsIssuesModule } from './goods-issues/goods-issues.module';
import { ReceiptsModule } from './receipts/receipts.module';
import { ReservationsModule } from './reservations/reservations.module';
import { StockModule } from './stock/stock.module';
import { TransferOrdersModule } from './transfer-orders/transfer-orders.module';

/**
 * WMS system API: each plant's warehouse through the canonical model. Holds no state of its
 * own (no database): the WMS is the system of record for inventory.
 */
@Module({})
export class WmsApiModule {
  static forRoot(opts: { landscape?: Landscape } = {}): DynamicModule {
    return {
      module: WmsApiModule,
      imports: [
        PlatformModule.forRoot({ app: 'wms-api' }),
        LandscapeModule.forRoot({ landscape: opts.landscape }),
        ConnectorsModule.forRoot({ factories: [restWmsConnectorFactory], systems: ['wms'] }),
        AvailabilityModule,
        StockModule,
        ReservationsModule,
        TransferOrdersModule,
        ReceiptsModule,
        ExpectedReceiptsModule,
        GoodsIssuesModule,
      ],
    };
  }
}
