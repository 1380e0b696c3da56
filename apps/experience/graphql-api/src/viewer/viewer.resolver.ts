import { Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@plantsync/platform';
import { AllowViewers } from '../auth/allow-viewers.decorator';
import { Viewer } from '../graphql/graphql-context.decorators';
import { ViewerModel } from './models/viewer.model';

@Resolver(() => ViewerModel)
@AllowViewers('supplier', 'planner', 'service')
export class ViewerResolver {
  @Query(() => ViewerModel, { description: 'The caller: lets a portal show whose data it is.' })
  viewer(@Viewer() principal: Principal): ViewerModel {
    return { id: principal.id, scopes: [...principal.scopes], supplierIds: principal.supplierIds() };
  }
}
