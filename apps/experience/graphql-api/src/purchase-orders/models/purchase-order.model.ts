import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyModel, QuantityModel } from '../../common/quantity.model';
import { AcknowledgementStatus, PurchaseOrderStatus } from './purchase-order-enums';

@ObjectType('LineAcknowledgement', { description: "The supplier's last answer to a line." })
export class LineAcknowledgementModel {
  @Field(() => AcknowledgementStatus)
  status!: AcknowledgementStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the supplier proposes instead' })
  proposedDate?: string;

  @Field(() => QuantityModel, { nullable: true })
  proposedQuantity?: QuantityModel;

  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => String, { nullable: true, description: 'ISO date-time' })
  acknowledgedAt?: string;
}

@ObjectType('PurchaseOrderLine')
export class PurchaseOrderLineModel {
  @Field(() => Int)
  lineNumber!: number;

  @Field(() => String, { description: 'Item code, e.g. BRKT-1042' })
  item!: string;

  @Field(() => QuantityModel, { description: 'Ordered' })
  quantity!: QuantityModel;

  @Field(() => QuantityModel, { description: 'Received so far (goods receipts at the plant)' })
  receivedQuantity!: QuantityModel;

  @Field(() => QuantityModel, { description: 'Still to deliver' })
  openQuantity!: QuantityModel;

  @Field(() => MoneyModel, { description: 'Unit price' })
  price!: MoneyModel;

  @Field(() => String, { description: 'YYYY-MM-DD the supplier promised' })
  promisedDate!: string;

  @Field(() => LineAcknowledgementModel)
  acknowledgement!: LineAcknowledgementModel;
}

@ObjectType('PurchaseOrder')
export class PurchaseOrderModel {
  @Field(() => ID, { description: "The plant ERP's id; unique within the plant" })
  id!: string;

  @Field(() => String, { description: 'Order number, e.g. PO-P100-0003' })
  number!: string;

  @Field(() => String, { description: 'Plant code, e.g. P100' })
  plant!: string;

  @Field(() => String, { description: 'Supplier id, e.g. SUP-1001' })
  supplier!: string;

  @Field(() => PurchaseOrderStatus)
  status!: PurchaseOrderStatus;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  orderDate!: string;

  @Field(() => [PurchaseOrderLineModel])
  lines!: PurchaseOrderLineModel[];
}
