import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DashboardSource, UnavailableSourceModel } from '../../common';

export enum OperationalExceptionKind {
  /** Short of material: waits for a planner to approve or reject (order-release). */
  RELEASE_AWAITING_APPROVAL = 'release_awaiting_approval',
  /** Ended failed, expired or stuck in exception for a reason other than a planner's rejection. */
  RELEASE_FAILED = 'release_failed',
  /** A transfer that failed or waits in exception (inventory-transfer). */
  TRANSFER_FAILED = 'transfer_failed',
  /** ERP and WMS stock differ and a data steward must decide (the latest reconciliation run). */
  RECONCILIATION_DIFFERENCE = 'reconciliation_difference',
  /** MES confirmations wait behind missing sequence numbers (production-sync). */
  SEQUENCE_GAP = 'sequence_gap',
}
registerEnumType(OperationalExceptionKind, { name: 'OperationalExceptionKind' });

@ObjectType('OperationalException', { description: 'Something stuck that a person has to look at, in one shape whatever process raised it.' })
export class OperationalExceptionModel {
  @Field(() => ID, { description: 'Stable across reads: `<kind>:<reference>`' })
  id!: string;

  @Field(() => OperationalExceptionKind)
  kind!: OperationalExceptionKind;

  @Field(() => DashboardSource)
  source!: DashboardSource;

  @Field(() => String)
  plant!: string;

  @Field(() => String, { description: 'What it is about, e.g. P100/MO-P100-0002, P100/BRKT-1042@P100-RM' })
  businessKey!: string;

  @Field(() => String, { description: 'Why it is stuck, in words' })
  reason!: string;

  @Field(() => String, { description: 'Since when (ISO 8601)' })
  since!: string;

  @Field(() => String, {
    description: 'The id to open it with: orderRelease(id), inventoryTransfer(id), the reconciliation run id, the production-sync exception id',
  })
  reference!: string;
}

@ObjectType('OperationalExceptionList')
export class OperationalExceptionListModel {
  @Field(() => [OperationalExceptionModel], { description: 'Newest first' })
  items!: OperationalExceptionModel[];

  @Field(() => Boolean, { description: 'More matched than `first`' })
  truncated!: boolean;

  @Field(() => [UnavailableSourceModel], { description: 'Sources that did not answer: their exceptions are missing from items' })
  unavailableSources!: UnavailableSourceModel[];
}
