import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UnavailableSourceModel } from '../../common';

export enum DeadLetterStatus {
  OPEN = 'open',
  REPLAYED = 'replayed',
  DISCARDED = 'discarded',
}
registerEnumType(DeadLetterStatus, { name: 'DeadLetterStatus' });

/** The process apps that keep dead letters (GraphQL names of DEAD_LETTER_SOURCES). */
export enum DeadLetterSourceName {
  ORDER_RELEASE = 'order-release',
  INVENTORY_TRANSFER = 'inventory-transfer',
  PRODUCTION_SYNC = 'production-sync',
}
registerEnumType(DeadLetterSourceName, { name: 'DeadLetterSource' });

@ObjectType('DeadLetter', { description: 'A job that failed for good. The payload is not shown; replay sends it unchanged.' })
export class DeadLetterModel {
  @Field(() => ID, { description: '`<source>:<uuid>`' })
  id!: string;

  @Field(() => DeadLetterSourceName)
  source!: DeadLetterSourceName;

  @Field(() => String)
  queue!: string;

  @Field(() => String)
  jobName!: string;

  @Field(() => String, { description: 'Short code, e.g. backend-rejected' })
  reason!: string;

  @Field(() => String)
  lastError!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'e.g. P100/MO-P100-0002' })
  businessKey!: string | null;

  @Field(() => String)
  createdAt!: string;

  @Field(() => DeadLetterStatus)
  status!: DeadLetterStatus;

  @Field(() => Int)
  replayCount!: number;

  @Field(() => String, { nullable: true, description: 'Why it was discarded and by whom' })
  discardReason!: string | null;
}

@ObjectType('DeadLetterGroup', { description: "One source's dead letters with one reason." })
export class DeadLetterGroupModel {
  @Field(() => DeadLetterSourceName)
  source!: DeadLetterSourceName;

  @Field(() => String)
  reason!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => String, { description: 'Created at, of the oldest' })
  oldest!: string;

  @Field(() => String)
  newest!: string;

  @Field(() => [String], { description: 'Queues they came from' })
  queues!: string[];

  @Field(() => [String], { description: 'Up to 5 distinct business keys, newest first' })
  sampleBusinessKeys!: string[];

  @Field(() => [DeadLetterModel], { description: 'Up to 5 dead letters, newest first (ids for replayDeadLetter / discardDeadLetter)' })
  samples!: DeadLetterModel[];
}

@ObjectType('DeadLetterReport')
export class DeadLetterReportModel {
  @Field(() => [DeadLetterGroupModel], { description: 'Largest group first' })
  groups!: DeadLetterGroupModel[];

  @Field(() => Int, { description: 'Dead letters counted' })
  total!: number;

  @Field(() => Boolean, { description: 'A source held more than 2,000 in this status: counts cover the newest 2,000' })
  truncated!: boolean;

  @Field(() => [UnavailableSourceModel])
  unavailableSources!: UnavailableSourceModel[];
}

@ObjectType('ReplayDeadLettersPayload')
export class ReplayDeadLettersPayloadModel {
  @Field(() => [ID], { description: 'Replayed (re-enqueued under <jobId>-replay-<n>)' })
  replayed!: string[];

  @Field(() => [ID], { description: 'Matched but could not be replayed (e.g. replayed by someone else meanwhile)' })
  failed!: string[];

  @Field(() => [UnavailableSourceModel], { description: 'Sources that did not answer: nothing was replayed there' })
  unavailableSources!: UnavailableSourceModel[];
}
