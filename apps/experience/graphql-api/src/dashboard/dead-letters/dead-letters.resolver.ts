import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@plantsync/platform';
import { AllowViewers } from '../../auth/allow-viewers.decorator';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { Viewer } from '../../graphql/graphql-context.decorators';
import { DeadLetterIdArgs, DeadLettersArgs, DiscardDeadLetterArgs, ReplayDeadLettersArgs } from './dead-letters.args';
import { DeadLettersService } from './dead-letters.service';
import { DeadLetterModel, DeadLetterReportModel, ReplayDeadLettersPayloadModel } from './models/dead-letter.model';

/** Planners and admins see dead letters grouped by reason. */
@Resolver()
@AllowViewers('planner')
export class DeadLettersResolver {
  constructor(private readonly service: DeadLettersService) {}

  @Query(() => DeadLetterReportModel, { description: "The process apps' dead letters grouped by source × reason: count, oldest, newest, sample business keys." })
  deadLetters(@Args() args: DeadLettersArgs, @Context() ctx: GraphqlContext): Promise<DeadLetterReportModel> {
    return this.service.report({ correlationId: ctx.correlationId }, args);
  }
}

/** Replay and discard: admins only (no @AllowViewers, the secure default) — a planner gets FORBIDDEN. */
@Resolver()
export class DeadLetterActionsResolver {
  constructor(private readonly service: DeadLettersService) {}

  @Mutation(() => ReplayDeadLettersPayloadModel, { description: 'Replay every open dead letter matching the filter (at most 500 per source per call). Admins only.' })
  replayDeadLetters(@Args() args: ReplayDeadLettersArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<ReplayDeadLettersPayloadModel> {
    return this.service.replayMany({ correlationId: ctx.correlationId }, viewer, args.filter);
  }

  @Mutation(() => DeadLetterModel, { description: 'Replay one open dead letter; CONFLICT once replayed or discarded. Admins only.' })
  replayDeadLetter(@Args() args: DeadLetterIdArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<DeadLetterModel> {
    return this.service.replay({ correlationId: ctx.correlationId }, viewer, args.id);
  }

  @Mutation(() => DeadLetterModel, { description: 'Drop one open dead letter for good, with a reason (recorded with your name). Admins only.' })
  discardDeadLetter(@Args() args: DiscardDeadLetterArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<DeadLetterModel> {
    return this.service.discard({ correlationId: ctx.correlationId }, viewer, args.id, args.reason);
  }
}
