import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@plantsync/platform';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Viewer } from '../graphql/graphql-context.decorators';
import { AdvanceShipNoticeArgs, AdvanceShipNoticesArgs } from './advance-ship-notices.args';
import { AdvanceShipNoticesService } from './advance-ship-notices.service';
import { AdvanceShipNoticeModel } from './models/advance-ship-notice.model';
import { SubmitAdvanceShipNoticePayload } from './models/submit-advance-ship-notice.payload';
import { SubmitAdvanceShipNoticeInput } from './submit-advance-ship-notice.input';

@Resolver(() => AdvanceShipNoticeModel)
@AllowViewers('supplier', 'planner')
export class AdvanceShipNoticesResolver {
  constructor(private readonly notices: AdvanceShipNoticesService) {}

  @Mutation(() => SubmitAdvanceShipNoticePayload, {
    description:
      'Announce a shipment (X12 856). BAD_USER_INPUT lists every line that ships more than its PO line still expects beyond your tolerance (extensions.errors: field, message); nothing is recorded then.',
  })
  @AllowViewers('supplier')
  async submitAdvanceShipNotice(
    @Args('input', { type: () => SubmitAdvanceShipNoticeInput }) input: SubmitAdvanceShipNoticeInput,
    @Viewer() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<SubmitAdvanceShipNoticePayload> {
    const advanceShipNotice = await this.notices.submit({ correlationId: ctx.correlationId }, viewer, input);
    return { clientMutationId: input.clientMutationId, advanceShipNotice };
  }

  @Query(() => AdvanceShipNoticeModel, { description: "One notice with its status. Another supplier's is NOT_FOUND." })
  advanceShipNotice(@Args() args: AdvanceShipNoticeArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<AdvanceShipNoticeModel> {
    return this.notices.get({ correlationId: ctx.correlationId }, viewer, args.id);
  }

  @Query(() => [AdvanceShipNoticeModel], { description: "A supplier's own notices; a planner's view of what a plant expects." })
  advanceShipNotices(@Args() args: AdvanceShipNoticesArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<AdvanceShipNoticeModel[]> {
    return this.notices.list({ correlationId: ctx.correlationId }, viewer, args.plant, args.first);
  }
}
