import { Field, ObjectType } from '@nestjs/graphql';
import { QuantityModel } from '../../common/quantity.model';
import { CoveringPurchaseOrderLineModel } from '../../production-orders/models/production-order-component.model';

@ObjectType('SupplierShortage', {
  description: "A component a planned production order is short of, at a plant where the calling supplier has open purchase order lines of that item. Shows only the caller's own lines.",
})
export class SupplierShortageModel {
  @Field(() => String)
  plant!: string;

  @Field(() => String, { description: 'The production order that is short, e.g. MO-P100-0002' })
  productionOrder!: string;

  @Field(() => String, { description: 'YYYY-MM-DD: when the material is needed' })
  neededBy!: string;

  @Field(() => String, { description: 'The component, e.g. BRKT-1042' })
  item!: string;

  @Field(() => QuantityModel, { description: "In the component's base unit" })
  required!: QuantityModel;

  @Field(() => QuantityModel, { description: "The plant's available-to-promise" })
  availableToPromise!: QuantityModel;

  @Field(() => QuantityModel, { description: 'What is missing' })
  shortfall!: QuantityModel;

  @Field(() => [CoveringPurchaseOrderLineModel], {
    description: "YOUR open purchase order lines of the item at the plant, earliest promise first (late ones too: expediting them helps). Never another supplier's.",
  })
  myOpenLines!: CoveringPurchaseOrderLineModel[];
}
