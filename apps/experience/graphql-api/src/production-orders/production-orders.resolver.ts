import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ProductionOrder } from '@plantsync/canonical';
import { ErpApiClient } from '@plantsync/clients';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import { pageThrough } from '../common/filtered-pager';
import { queryFingerprint } from '../common/opaque-cursor';
import type { GraphqlContext } from '../graphql/graphql-context';
import { connectionComplexity, listOf } from '../graphql/query-cost';
import { MaterialAvailabilityService } from './material-availability.service';
import { ProductionOrderComponentModel } from './models/production-order-component.model';
import { ProductionOrderConnectionModel } from './models/production-order-connection.model';
import { ProductionOrderModel } from './models/production-order.model';
import { ProductionOrdersArgs } from './production-orders.args';

/** Planners: a plant's production orders with the material availability of each. */
@Resolver(() => ProductionOrderModel)
@AllowViewers('planner')
export class ProductionOrdersResolver {
  constructor(
    private readonly erp: ErpApiClient,
    private readonly availability: MaterialAvailabilityService,
  ) {}

  @Query(() => ProductionOrderConnectionModel, { description: "A plant's production orders, filtered by status and planned start.", complexity: connectionComplexity })
  async productionOrders(@Args() args: ProductionOrdersArgs, @Context() ctx: GraphqlContext): Promise<ProductionOrderConnectionModel> {
    const { plant, status, from, to, first } = args;
    const page = await pageThrough<ProductionOrder>({
      first,
      after: args.after,
      fingerprint: queryFingerprint(['productionOrders', plant, status ?? null, from ?? null, to ?? null]),
      // The page size the client asked for: one system API call per GraphQL page.
      pageSize: first,
      maxPages: 1,
      fetch: (cursor, limit) => this.erp.listProductionOrders({ correlationId: ctx.correlationId }, plant, { status, from, to, limit, cursor }),
      keep: () => true,
    });
    return {
      edges: page.edges as ProductionOrderConnectionModel['edges'],
      nodes: page.edges.map((e) => e.node) as ProductionOrderModel[],
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @ResolveField(() => [ProductionOrderComponentModel], {
    nullable: true,
    description: 'Direct components with required, available-to-promise and shortfall. Null with an error when the BOM cannot be exploded (e.g. no released revision).',
    complexity: listOf(6),
  })
  components(@Parent() order: ProductionOrderModel, @Context() ctx: GraphqlContext): Promise<ProductionOrderComponentModel[]> {
    return this.availability.componentsOf(order as ProductionOrder, ctx.loaders);
  }
}
