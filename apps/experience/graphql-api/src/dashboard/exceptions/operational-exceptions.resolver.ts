import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { AllowViewers } from '../../auth/allow-viewers.decorator';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { connectionComplexity } from '../../graphql/query-cost';
import { OperationalExceptionsArgs } from './exceptions.args';
import { OperationalExceptionListModel } from './models/operational-exception.model';
import { OperationalExceptionsService } from './operational-exceptions.service';

@Resolver()
@AllowViewers('planner')
export class OperationalExceptionsResolver {
  constructor(private readonly service: OperationalExceptionsService) {}

  @Query(() => OperationalExceptionListModel, {
    complexity: connectionComplexity,
    description:
      'What is stuck across plants: releases waiting for approval or failed, failed transfers, uncorrected reconciliation differences, MES sequence gaps. Newest first; sources that do not answer are listed in unavailableSources.',
  })
  exceptions(@Args() args: OperationalExceptionsArgs, @Context() ctx: GraphqlContext): Promise<OperationalExceptionListModel> {
    return this.service.list({ correlationId: ctx.correlationId }, args);
  }
}
