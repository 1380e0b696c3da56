import { DynamicModule, Module } from '@nestjs/common';
import { ConnectorsModule, odooErpConnectorFactory } from '@plantsync/connectors';
import { Landscape, LandscapeModule } from '@plantsync/landscape';
import { PlatformModule } from '@plantsync/platform';
import { BomsModule } from './boms/boms.module';
import { GoodsMovementsModule } from './goods-movements/goods-movements.module';
import { ItemsModule } from './items/items.module';
import { OperationConfirmationsModule } from './operation-confirmations/operation-confirmations.module';
import { ProductionOrdersModule } from './production-orders/production-orders.module';
import { PurchaseOrdersModule } from './purchase-orders/purchase-orders.module';
import { ErpStockModule } from './stock/stock.module';
import { StockTransportsModule } from './stock-transports/stock-transports.module';

/**
 * ERP system API: each plant's ERP through the canonical model. Holds no state of its own (no
 * database): the ERP is the system of record for items, BOMs, production and purchase orders.
 */
@Module({})
export class ErpApiModule {
  static forRoot(opts: { landscape?: Landscape } = {}): DynamicModule {
    return {
      module: ErpApiModule,
      imports: [
        PlatformModule.forRoot({ app: 'erp-api' }),
        LandscapeModule.forRoot({ landscape: opts.landscape }),
        ConnectorsModule.forRoot({ factories: [odooErpConnectorFactory], systems: ['erp'] }),
        ItemsModule,
        BomsModule,
        ProductionOrdersModule,
        PurchaseOrdersModule,
        GoodsMovementsModule,
        OperationConfirmationsModule,
        ErpStockModule,
        StockTransportsModule,
      ],
    };
  }
}
