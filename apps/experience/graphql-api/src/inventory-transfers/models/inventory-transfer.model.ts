import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProcessCompensationModel, ProcessFailureModel, ProcessStepModel } from '../../common/process-step.model';
import { QuantityModel } from '../../common/quantity.model';

export enum InventoryTransferStatus {
  REQUESTED = 'requested',
  IN_TRANSIT = 'in_transit',
  PARTIALLY_RECEIVED = 'partially_received',
  RECEIVED = 'received',
  COMPLETED = 'completed',
  COMPENSATING = 'compensating',
  FAILED = 'failed',
  CANCELLED = 'cancelled',
  EXCEPTION = 'exception',
  RESOLVED = 'resolved',
}
registerEnumType(InventoryTransferStatus, {
  name: 'InventoryTransferStatus',
  description: 'EXCEPTION: failed after shipping, a person retries or resolves it. COMPLETED, FAILED, CANCELLED and RESOLVED are final.',
});

export const FINAL_INVENTORY_TRANSFER_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled', 'resolved']);

@ObjectType('TransferQuantities')
export class TransferQuantitiesModel {
  @Field(() => QuantityModel)
  requested!: QuantityModel;

  @Field(() => QuantityModel)
  shipped!: QuantityModel;

  @Field(() => QuantityModel)
  received!: QuantityModel;
}

@ObjectType('TransferReceipt')
export class TransferReceiptModel {
  @Field(() => QuantityModel)
  quantity!: QuantityModel;

  @Field(() => String)
  receivedAt!: string;
}

@ObjectType('InventoryTransfer', { description: 'Moving stock between plants, step by step (the inventory-transfer process).' })
export class InventoryTransferModel {
  @Field(() => ID)
  id!: string;

  @Field(() => InventoryTransferStatus)
  status!: InventoryTransferStatus;

  @Field(() => String, { nullable: true })
  currentStep?: string | null;

  @Field(() => String, { description: 'e.g. BRG-6205' })
  item!: string;

  @Field(() => String, { nullable: true })
  lot?: string;

  @Field(() => String)
  fromPlant!: string;

  @Field(() => String, { nullable: true })
  fromLocation?: string;

  @Field(() => String)
  toPlant!: string;

  @Field(() => String, { nullable: true })
  toLocation?: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true, description: "The stock transport order's number in the source plant's ERP" })
  stockTransport?: string;

  @Field(() => String, { description: 'Who requested it, e.g. `planner:demo-planner via demo-service`' })
  requestedBy!: string;

  @Field(() => String, { nullable: true, description: "The source WMS's transfer order" })
  transferOrder?: string;

  @Field(() => TransferQuantitiesModel)
  quantities!: TransferQuantitiesModel;

  @Field(() => [TransferReceiptModel])
  receipts!: TransferReceiptModel[];

  @Field(() => ProcessFailureModel, { nullable: true })
  failure?: ProcessFailureModel | null;

  @Field(() => [ProcessStepModel])
  steps!: ProcessStepModel[];

  @Field(() => [ProcessCompensationModel])
  compensations!: ProcessCompensationModel[];

  @Field(() => String)
  createdAt!: string;

  @Field(() => String)
  updatedAt!: string;
}
