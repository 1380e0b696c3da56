import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../common/page-info.model';
import { ProductionOrderModel } from './production-order.model';

@ObjectType('ProductionOrderEdge')
export class ProductionOrderEdgeModel {
  @Field(() => ProductionOrderModel)
  node!: ProductionOrderModel;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('ProductionOrderConnection')
export class ProductionOrderConnectionModel {
  @Field(() => [ProductionOrderEdgeModel])
  edges!: ProductionOrderEdgeModel[];

  @Field(() => [ProductionOrderModel])
  nodes!: ProductionOrderModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
