import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { listOf } from '../graphql/query-cost';
import { MaterialAvailabilityService } from './material-availability.service';
import { CoveringPurchaseOrderLineModel, ProductionOrderComponentModel } from './models/production-order-component.model';

@Resolver(() => ProductionOrderComponentModel)
@AllowViewers('planner')
export class ProductionOrderComponentsResolver {
  constructor(private readonly availability: MaterialAvailabilityService) {}

  @ResolveField(() => [CoveringPurchaseOrderLineModel], {
    description: 'Open purchase order lines of this item at the plant, earliest promise first; by default only those promised by the planned start.',
    complexity: listOf(2),
  })
  coveringPurchaseOrders(
    @Parent() component: ProductionOrderComponentModel,
    @Args('includeLate', { type: () => Boolean, defaultValue: false, description: 'Also lines promised after the planned start' }) includeLate: boolean,
    @Context() ctx: GraphqlContext,
  ): Promise<CoveringPurchaseOrderLineModel[]> {
    return this.availability.coveringLines(component, includeLate, ctx.principal, ctx.loaders);
  }
}
