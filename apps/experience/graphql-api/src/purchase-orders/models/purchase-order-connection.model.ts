import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../common/page-info.model';
import { PurchaseOrderModel } from './purchase-order.model';

@ObjectType('PurchaseOrderEdge')
export class PurchaseOrderEdgeModel {
  @Field(() => PurchaseOrderModel)
  node!: PurchaseOrderModel;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('PurchaseOrderConnection')
export class PurchaseOrderConnectionModel {
  @Field(() => [PurchaseOrderEdgeModel])
  edges!: PurchaseOrderEdgeModel[];

  @Field(() => [PurchaseOrderModel], { description: 'The nodes of `edges`, for clients that need no per-item cursor' })
  nodes!: PurchaseOrderModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
