import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@plantsync/platform';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Viewer } from '../graphql/graphql-context.decorators';
import { OrderReleaseModel } from './models/order-release.model';
import { StartOrderReleasePayload } from './models/start-order-release.payload';
import { CancelOrderReleaseArgs, OrderReleaseArgs, OrderReleasesArgs, RejectOrderReleaseArgs, StartOrderReleaseArgs } from './order-releases.args';
import { OrderReleasesService } from './order-releases.service';

/** Releases are planners' business: suppliers (and service keys) get FORBIDDEN on every field here. */
@Resolver(() => OrderReleaseModel)
@AllowViewers('planner')
export class OrderReleasesResolver {
  constructor(private readonly releases: OrderReleasesService) {}

  @Query(() => OrderReleaseModel, { description: 'One release with every step and its timestamps.' })
  orderRelease(@Args() args: OrderReleaseArgs, @Context() ctx: GraphqlContext): Promise<OrderReleaseModel> {
    return this.releases.get({ correlationId: ctx.correlationId }, args.id);
  }

  @Query(() => [OrderReleaseModel], { description: 'Releases, newest first, optionally of one plant, status or production order.' })
  orderReleases(@Args() args: OrderReleasesArgs, @Context() ctx: GraphqlContext): Promise<OrderReleaseModel[]> {
    return this.releases.list({ correlationId: ctx.correlationId }, args);
  }

  @Mutation(() => StartOrderReleasePayload, {
    description:
      'Release a planned production order: BOM, availability, reservations, ERP release, MES dispatch. A shortage stops at AWAITING_APPROVAL. Idempotent per clientMutationId; CONFLICT while another release of the order is active.',
  })
  async startOrderRelease(@Args() args: StartOrderReleaseArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<StartOrderReleasePayload> {
    const orderRelease = await this.releases.start({ correlationId: ctx.correlationId }, viewer, args.plant, args.productionOrderId, args.clientMutationId);
    return { clientMutationId: args.clientMutationId, orderRelease };
  }

  @Mutation(() => OrderReleaseModel, { description: 'Release despite the shortage. CONFLICT unless AWAITING_APPROVAL.' })
  approveOrderRelease(@Args() args: OrderReleaseArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<OrderReleaseModel> {
    return this.releases.approve({ correlationId: ctx.correlationId }, viewer, args.id);
  }

  @Mutation(() => OrderReleaseModel, { description: 'Do not release: reservations are undone and it ends FAILED. CONFLICT unless AWAITING_APPROVAL.' })
  rejectOrderRelease(@Args() args: RejectOrderReleaseArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<OrderReleaseModel> {
    return this.releases.reject({ correlationId: ctx.correlationId }, viewer, args.id, args.reason);
  }

  @Mutation(() => OrderReleaseModel, {
    description: 'Waiting: undone at once. Running: stops before the next step, undoes what it did and ends CANCELLED. CONFLICT once finished.',
  })
  cancelOrderRelease(@Args() args: CancelOrderReleaseArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<OrderReleaseModel> {
    return this.releases.cancel({ correlationId: ctx.correlationId }, viewer, args.id, args.reason);
  }
}
