import { Field, ObjectType } from '@nestjs/graphql';
import { PurchaseOrderModel } from './purchase-order.model';

@ObjectType('AcknowledgePurchaseOrderLinesPayload')
export class AcknowledgePurchaseOrderLinesPayload {
  @Field(() => String, { description: 'Echoed from the input' })
  clientMutationId!: string;

  @Field(() => PurchaseOrderModel, { description: 'The order as the ERP holds it after the acknowledgement' })
  purchaseOrder!: PurchaseOrderModel;
}
