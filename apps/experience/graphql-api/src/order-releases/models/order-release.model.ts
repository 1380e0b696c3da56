import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProcessCompensationModel, ProcessFailureModel, ProcessStepModel } from '../../common/process-step.model';
import { QuantityModel } from '../../common/quantity.model';

export enum OrderReleaseStatus {
  RUNNING = 'running',
  AWAITING_APPROVAL = 'awaiting_approval',
  COMPENSATING = 'compensating',
  COMPLETED = 'completed',
  FAILED = 'failed',
  CANCELLED = 'cancelled',
  EXPIRED = 'expired',
  EXCEPTION = 'exception',
  RESOLVED = 'resolved',
}
registerEnumType(OrderReleaseStatus, {
  name: 'OrderReleaseStatus',
  description: 'AWAITING_APPROVAL: short of material, a planner decides. COMPLETED, FAILED, CANCELLED, EXPIRED and RESOLVED are final.',
});

/** Statuses after which a release never changes again (subscriptions end there). */
export const FINAL_ORDER_RELEASE_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled', 'expired', 'resolved']);

@ObjectType('OrderReleaseShortage')
export class OrderReleaseShortageModel {
  @Field(() => String)
  item!: string;

  @Field(() => QuantityModel)
  required!: QuantityModel;

  @Field(() => QuantityModel, { description: 'Available-to-promise when the release checked' })
  available!: QuantityModel;

  @Field(() => QuantityModel, { nullable: true })
  shortfall?: QuantityModel;

  @Field(() => Boolean, { nullable: true, description: 'Open purchase orders arriving in time cover the shortfall' })
  coveredByPurchaseOrders?: boolean;

  @Field(() => [String], { description: 'Purchase orders that could cover it, e.g. PO-P100-0003' })
  purchaseOrders!: string[];
}

@ObjectType('OrderReleaseReservation')
export class OrderReleaseReservationModel {
  @Field(() => String)
  item!: string;

  @Field(() => String, { description: "The WMS reservation's id" })
  id!: string;

  @Field(() => QuantityModel)
  quantity!: QuantityModel;
}

@ObjectType('OrderRelease', { description: 'Releasing a production order to the shop floor, step by step (the order-release process).' })
export class OrderReleaseModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  plant!: string;

  @Field(() => String, { description: 'The production order, e.g. MO-P100-0002' })
  productionOrder!: string;

  @Field(() => OrderReleaseStatus)
  status!: OrderReleaseStatus;

  @Field(() => String, { nullable: true })
  currentStep!: string | null;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String)
  updatedAt!: string;

  @Field(() => String, { nullable: true, description: 'While AWAITING_APPROVAL: when it expires undecided' })
  approvalDeadline!: string | null;

  @Field(() => String, { nullable: true })
  cancelRequestedAt!: string | null;

  @Field(() => String, { description: 'Who started it, e.g. `planner:demo-planner via demo-service` (the person, through this API\'s service key)' })
  requestedBy!: string;

  @Field(() => String, { nullable: true, description: 'Who approved or rejected it, e.g. `planner:jwt:alice via demo-service`' })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why and by whom it was cancelled' })
  cancelReason!: string | null;

  @Field(() => ProcessFailureModel, { nullable: true })
  failure?: ProcessFailureModel | null;

  @Field(() => String, { nullable: true, description: 'The BOM revision the release exploded' })
  bomRevision?: string;

  @Field(() => String, { nullable: true, description: "The MES work order, once dispatched" })
  workOrder?: string;

  @Field(() => [ProcessStepModel])
  steps!: ProcessStepModel[];

  @Field(() => [OrderReleaseShortageModel])
  shortages!: OrderReleaseShortageModel[];

  @Field(() => [OrderReleaseReservationModel])
  reservations!: OrderReleaseReservationModel[];

  @Field(() => [ProcessCompensationModel])
  compensations!: ProcessCompensationModel[];
}
