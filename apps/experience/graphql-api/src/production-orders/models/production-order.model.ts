import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { QuantityModel } from '../../common/quantity.model';

export enum ProductionOrderStatus {
  PLANNED = 'planned',
  RELEASED = 'released',
  IN_PROGRESS = 'in_progress',
  COMPLETED = 'completed',
  CLOSED = 'closed',
  CANCELLED = 'cancelled',
}
registerEnumType(ProductionOrderStatus, { name: 'ProductionOrderStatus' });

@ObjectType('ProductionOrder')
export class ProductionOrderModel {
  @Field(() => ID, { description: "The plant ERP's id; unique within the plant" })
  id!: string;

  @Field(() => String, { description: 'Order number, e.g. MO-P100-0002' })
  number!: string;

  @Field(() => String)
  plant!: string;

  @Field(() => String, { description: 'Item to make, e.g. ACT-2200' })
  item!: string;

  @Field(() => QuantityModel)
  quantity!: QuantityModel;

  @Field(() => QuantityModel)
  producedQuantity!: QuantityModel;

  @Field(() => ProductionOrderStatus)
  status!: ProductionOrderStatus;

  @Field(() => String, { description: 'ISO date-time' })
  plannedStart!: string;

  @Field(() => String, { description: 'ISO date-time' })
  plannedEnd!: string;

  @Field(() => String, { nullable: true })
  workCenter?: string;

  @Field(() => String, { nullable: true, description: 'BOM revision the order was planned with' })
  bomRevision?: string;
}
