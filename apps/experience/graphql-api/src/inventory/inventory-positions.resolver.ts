import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { Landscape } from '@plantsync/landscape';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { InventoryPositionsArgs } from './inventory-positions.args';
import { InventoryPositionModel } from './models/inventory-position.model';

@Resolver(() => InventoryPositionModel)
@AllowViewers('planner')
export class InventoryPositionsResolver {
  constructor(private readonly landscape: Landscape) {}

  /**
   * One position per plant, in the order asked. Each plant is read on its own: a plant whose WMS
   * is down yields null at its index with an UPSTREAM_UNAVAILABLE error, the others still answer.
   */
  @Query(() => [InventoryPositionModel], {
    nullable: 'items',
    description: 'An item across plants: unrestricted, reserved, available-to-promise, quality hold, blocked and in transit.',
  })
  inventoryPositions(@Args() args: InventoryPositionsArgs, @Context() ctx: GraphqlContext): Array<Promise<InventoryPositionModel>> {
    const plants = args.plants ?? this.landscape.plants().map((p) => p.code);
    return [...new Set(plants)].map(async (plant) => {
      const a = await ctx.loaders.availability.load({ plant, item: args.item });
      return { ...a, plant: a.plant ?? plant, item: a.item ?? args.item } as InventoryPositionModel;
    });
  }
}
