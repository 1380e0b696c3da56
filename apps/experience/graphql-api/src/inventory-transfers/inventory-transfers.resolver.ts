import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@plantsync/platform';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Viewer } from '../graphql/graphql-context.decorators';
import { InventoryTransferArgs } from './inventory-transfers.args';
import { InventoryTransfersService } from './inventory-transfers.service';
import { InventoryTransferModel } from './models/inventory-transfer.model';
import { RequestInventoryTransferPayload } from './models/request-inventory-transfer.payload';
import { RequestInventoryTransferInput } from './request-inventory-transfer.input';

/** Transfers between plants are planners' business: suppliers get FORBIDDEN. */
@Resolver(() => InventoryTransferModel)
@AllowViewers('planner')
export class InventoryTransfersResolver {
  constructor(private readonly transfers: InventoryTransfersService) {}

  @Query(() => InventoryTransferModel, { description: 'One transfer with every step, its quantities and receipts.' })
  inventoryTransfer(@Args() args: InventoryTransferArgs, @Context() ctx: GraphqlContext): Promise<InventoryTransferModel> {
    return this.transfers.get({ correlationId: ctx.correlationId }, args.id);
  }

  @Mutation(() => RequestInventoryTransferPayload, {
    description: 'Move stock from one plant to another: reserve, pick, ship (in transit), receive, post in both ERPs. CONFLICT when the source cannot cover it.',
  })
  async requestInventoryTransfer(
    @Args('input', { type: () => RequestInventoryTransferInput }) input: RequestInventoryTransferInput,
    @Viewer() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<RequestInventoryTransferPayload> {
    const inventoryTransfer = await this.transfers.request({ correlationId: ctx.correlationId }, viewer, input);
    return { clientMutationId: input.clientMutationId, inventoryTransfer };
  }
}
