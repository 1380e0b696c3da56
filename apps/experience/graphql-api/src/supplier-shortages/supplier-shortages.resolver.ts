import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@plantsync/platform';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import { forbidden } from '../errors/graphql-errors';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Viewer } from '../graphql/graphql-context.decorators';
import { listOf } from '../graphql/query-cost';
import { SupplierShortageModel } from './models/supplier-shortage.model';
import { SupplierShortagesArgs } from './supplier-shortages.args';
import { SupplierShortagesService } from './supplier-shortages.service';

/** Suppliers only: the question is "what could MY orders cover", which has no meaning for a planner. */
@Resolver()
@AllowViewers('supplier')
export class SupplierShortagesResolver {
  constructor(private readonly shortages: SupplierShortagesService) {}

  @Query(() => [SupplierShortageModel], {
    description:
      "Shortages of planned production orders at any plant that your open purchase order lines of the item could cover, earliest need first, with only your lines. Suppliers only (supplier:<id>).",
    complexity: listOf(20),
  })
  shortagesMyPurchaseOrdersCouldCover(@Args() args: SupplierShortagesArgs, @Viewer() viewer: Principal, @Context() ctx: GraphqlContext): Promise<SupplierShortageModel[]> {
    // Admins pass every guard; they see every supplier's lines, which this supplier-facing view must not mix.
    if (viewer.supplierIds().length === 0) throw forbidden('Only a supplier credential (supplier:<id>) has purchase orders of its own.');
    return this.shortages.list(viewer, ctx.loaders, ctx.correlationId, args.plant);
  }
}
