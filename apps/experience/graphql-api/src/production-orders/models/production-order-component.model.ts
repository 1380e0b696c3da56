import { Field, Int, ObjectType } from '@nestjs/graphql';
import { QuantityModel } from '../../common/quantity.model';

@ObjectType('CoveringPurchaseOrderLine', { description: 'An open purchase order line of the same item at the same plant.' })
export class CoveringPurchaseOrderLineModel {
  @Field(() => String)
  plant!: string;

  @Field(() => String, { description: 'Purchase order number' })
  purchaseOrder!: string;

  @Field(() => String)
  supplier!: string;

  @Field(() => Int)
  lineNumber!: number;

  @Field(() => QuantityModel, { description: 'Still to deliver, in the purchase order unit (e.g. BOX)' })
  openQuantity!: QuantityModel;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  promisedDate!: string;

  @Field(() => Boolean, { description: "Promised on or before the production order's planned start day" })
  arrivesBeforeStart!: boolean;
}

@ObjectType('ProductionOrderComponent', {
  description: 'A direct component of the order with its material availability at the plant.',
})
export class ProductionOrderComponentModel {
  @Field(() => String, { description: 'Component item, e.g. BRKT-1042' })
  item!: string;

  @Field(() => QuantityModel, { description: "Needed for the order's remaining quantity (ordered − produced), scrap included, in the component's base unit" })
  required!: QuantityModel;

  @Field(() => QuantityModel, { description: "The plant's available-to-promise (unrestricted − reserved), shared by every order" })
  availableToPromise!: QuantityModel;

  @Field(() => QuantityModel, { nullable: true, description: 'max(0, required − availableToPromise); null when the units differ' })
  shortfall!: QuantityModel | null;

  @Field(() => Boolean, { description: 'shortfall > 0' })
  short!: boolean;

  // Not in the schema: what the coveringPurchaseOrders field resolver needs.
  plant!: string;
  plannedStartDay!: string;
}
