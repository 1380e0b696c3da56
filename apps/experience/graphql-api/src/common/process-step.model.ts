import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** A saga step's state; the values are the process APIs', so nothing is mapped by hand. */
export enum ProcessStepStatus {
  PENDING = 'pending',
  RUNNING = 'running',
  DONE = 'done',
  FAILED = 'failed',
  COMPENSATED = 'compensated',
  SKIPPED = 'skipped',
}
registerEnumType(ProcessStepStatus, { name: 'ProcessStepStatus' });

@ObjectType('ProcessStep', { description: 'One step of a release or transfer, in the order the process runs them.' })
export class ProcessStepModel {
  @Field(() => String, { description: 'e.g. reserve-components, dispatch-work-order' })
  name!: string;

  @Field(() => ProcessStepStatus)
  status!: ProcessStepStatus;

  @Field(() => Int, { description: 'Tries so far (retries after transient failures count)' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time' })
  startedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time' })
  finishedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the last try failed, written for people' })
  lastError?: string | null;
}

@ObjectType('ProcessCompensation', { description: 'An undo the process ran (or will run) after a failure, cancel or rejection.' })
export class ProcessCompensationModel {
  @Field(() => String, { description: 'The step it undoes' })
  step!: string;

  @Field(() => String, { description: 'e.g. cancel-reservation' })
  action!: string;

  @Field(() => String, { description: 'pending or done' })
  status!: string;

  @Field(() => String, { nullable: true })
  doneAt?: string | null;
}

@ObjectType('ProcessFailure')
export class ProcessFailureModel {
  @Field(() => String, { nullable: true })
  step?: string | null;

  @Field(() => String, { description: 'Stable reason code, e.g. shortage-rejected, no-released-bom-revision' })
  code!: string;

  @Field(() => String)
  reason!: string;
}
