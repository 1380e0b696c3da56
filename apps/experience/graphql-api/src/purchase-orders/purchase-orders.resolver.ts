import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@plantsync/platform';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Viewer } from '../graphql/graphql-context.decorators';
import { connectionComplexity } from '../graphql/query-cost';
import { AcknowledgePurchaseOrderLinesInput } from './acknowledge-purchase-order-lines.input';
import { AcknowledgePurchaseOrderLinesPayload } from './models/acknowledge-purchase-order-lines.payload';
import { PurchaseOrderConnectionModel } from './models/purchase-order-connection.model';
import { PurchaseOrderModel } from './models/purchase-order.model';
import { PurchaseOrderArgs, PurchaseOrdersArgs } from './purchase-orders.args';
import { PurchaseOrdersService } from './purchase-orders.service';


@Resolver(() => PurchaseOrderModel)
@AllowViewers('supplier', 'planner')
export class PurchaseOrdersResolver {
  constructor(private readonly orders: PurchaseOrdersService) {}

  @Query(() => PurchaseOrderConnectionModel, {
    description: "Purchase orders across plants, newest first. A supplier gets only its own; planners every supplier's (or one with filter.supplier).",
    complexity: connectionComplexity,
  })
  async purchaseOrders(@Args() args: PurchaseOrdersArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<PurchaseOrderConnectionModel> {
    const page = await this.orders.list({ correlationId: ctx.correlationId }, viewer, args.filter, args.first, args.after);
    return {
      edges: page.edges as PurchaseOrderConnectionModel['edges'],
      nodes: page.edges.map((e) => e.node) as PurchaseOrderModel[],
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Query(() => PurchaseOrderModel, { description: "One purchase order. Another supplier's order is NOT_FOUND, exactly like a missing one." })
  async purchaseOrder(@Args() args: PurchaseOrderArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<PurchaseOrderModel> {
    return (await this.orders.get({ correlationId: ctx.correlationId }, viewer, args.plant, args.id)) as PurchaseOrderModel;
  }

  @Mutation(() => AcknowledgePurchaseOrderLinesPayload, {
    description: 'Accept, reject or propose another date or quantity for lines of your purchase order (X12 855). Idempotent per clientMutationId.',
  })
  @AllowViewers('supplier')
  async acknowledgePurchaseOrderLines(
    @Args('input', { type: () => AcknowledgePurchaseOrderLinesInput }) input: AcknowledgePurchaseOrderLinesInput,
    @Viewer() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<AcknowledgePurchaseOrderLinesPayload> {
    const purchaseOrder = await this.orders.acknowledge({ correlationId: ctx.correlationId }, viewer, input);
    return { clientMutationId: input.clientMutationId, purchaseOrder: purchaseOrder as PurchaseOrderModel };
  }
}
