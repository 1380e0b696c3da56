import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import type { Principal } from '@plantsync/platform';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import { InventoryTransferArgs } from '../inventory-transfers/inventory-transfers.args';
import { InventoryTransferModel } from '../inventory-transfers/models/inventory-transfer.model';
import { OrderReleaseModel } from '../order-releases/models/order-release.model';
import { OrderReleaseArgs } from '../order-releases/order-releases.args';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Viewer } from '../graphql/graphql-context.decorators';
import { PurchaseOrderModel } from '../purchase-orders/models/purchase-order.model';
import { PurchaseOrderArgs } from '../purchase-orders/purchase-orders.args';
import { PurchaseOrdersService } from '../purchase-orders/purchase-orders.service';
import { ProgressWatcher } from './progress-watcher';

/**
 * Progress over graphql-ws. Planners only: the guard refuses a supplier with FORBIDDEN before
 * anything is read or subscribed. Each subscription sends the current state, then every change,
 * and completes at a final status.
 */
@Resolver()
@AllowViewers('planner')
export class ProgressResolver {
  constructor(
    private readonly progress: ProgressWatcher,
    private readonly purchaseOrders: PurchaseOrdersService,
  ) {}

  @Subscription(() => OrderReleaseModel, {
    description: 'The release now, then on every change (status, step, timestamps) until it is final. NOT_FOUND for an unknown id.',
    resolve: (payload: OrderReleaseModel) => payload,
  })
  orderReleaseProgress(@Args() args: OrderReleaseArgs): Promise<AsyncIterableIterator<OrderReleaseModel>> {
    return this.progress.follow<OrderReleaseModel>('order-release', args.id);
  }

  @Subscription(() => InventoryTransferModel, {
    description: 'The transfer now, then on every change until it is final (COMPLETED, FAILED, CANCELLED, RESOLVED).',
    resolve: (payload: InventoryTransferModel) => payload,
  })
  inventoryTransferProgress(@Args() args: InventoryTransferArgs): Promise<AsyncIterableIterator<InventoryTransferModel>> {
    return this.progress.follow<InventoryTransferModel>('inventory-transfer', args.id);
  }

  @Subscription(() => PurchaseOrderModel, {
    description:
      "One purchase order now, then on every change (acknowledgements, dates, receipts) until received or cancelled. A supplier may follow only its own: another's is NOT_FOUND, exactly like a missing one.",
    resolve: (payload: PurchaseOrderModel) => payload,
  })
  @AllowViewers('supplier', 'planner')
  async purchaseOrderChanges(@Args() args: PurchaseOrderArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<AsyncIterableIterator<PurchaseOrderModel>> {
    // The object-level check, before anything is subscribed; a PO never changes supplier.
    const po = await this.purchaseOrders.get({ correlationId: ctx.correlationId }, viewer, args.plant, args.id);
    return this.progress.follow<PurchaseOrderModel>('purchase-order', `${po.plant}/${po.id}`);
  }
}
