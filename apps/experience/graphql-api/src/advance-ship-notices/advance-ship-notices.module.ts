import { Module } from '@nestjs/common';
import { PurchaseOrdersModule } from '../purchase-orders/purchase-orders.module';
import { AdvanceShipNoticeStore } from './advance-ship-notice.store';
import { AdvanceShipNoticesResolver } from './advance-ship-notices.resolver';
import { AdvanceShipNoticesService } from './advance-ship-notices.service';
import { PurchaseOrderLineLocks } from './purchase-order-line-locks';

@Module({ imports: [PurchaseOrdersModule], providers: [AdvanceShipNoticesResolver, AdvanceShipNoticesService, AdvanceShipNoticeStore, PurchaseOrderLineLocks] })
export class AdvanceShipNoticesModule {}
