import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SyncDomain {
  INVENTORY = 'inventory',
  PRODUCTION = 'production',
  ORDERS = 'orders',
  MASTER_DATA = 'master_data',
}
registerEnumType(SyncDomain, { name: 'SyncDomain', description: 'What is kept in sync between a plant\'s systems.' });

export enum SyncFailureKind {
  FAILURE = 'failure',
  DEAD_LETTER = 'dead_letter',
  BACKEND_DOWN = 'backend_down',
}
registerEnumType(SyncFailureKind, { name: 'SyncFailureKind' });

@ObjectType('SyncFailure', { description: 'A recent failed sync with its business context.' })
export class SyncFailureModel {
  @Field(() => String, { nullable: true, description: 'e.g. MO-P200-0001; null for a backend outage' })
  businessKey!: string | null;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { description: 'What a person loses because of it' })
  impact!: string;

  @Field(() => SyncFailureKind)
  kind!: SyncFailureKind;

  @Field(() => String)
  at!: string;
}

@ObjectType('SyncHealth', { description: 'Sync health of one plant × domain (reconciliation GET /v1/sync-health).' })
export class SyncHealthModel {
  @Field(() => String)
  plant!: string;

  @Field(() => SyncDomain)
  domain!: SyncDomain;

  @Field(() => Boolean, { description: 'Behind its lag objective, or a system it needs is down' })
  stale!: boolean;

  @Field(() => [String], { description: 'Why it is stale, e.g. "ERP of P200 is down: …"' })
  staleReasons!: string[];

  @Field(() => String, { nullable: true, description: 'Latest successful posting or completed reconciliation' })
  lastSuccessfulSync!: string | null;

  @Field(() => Float, { nullable: true, description: 'Median lag (s), business event → posting, in the window' })
  lagP50Seconds!: number | null;

  @Field(() => Float, { nullable: true })
  lagP95Seconds!: number | null;

  @Field(() => Float, { nullable: true, description: "The landscape's objective" })
  maxLagSeconds!: number | null;

  @Field(() => Int, { description: "Jobs waiting in the domain's queues" })
  backlog!: number;

  @Field(() => Float, { nullable: true, description: 'Failed ÷ observed syncs in the window' })
  failureRate!: number | null;

  @Field(() => Int, { description: 'Syncs that ended in a dead letter in the window' })
  deadLetters!: number;

  @Field(() => Int, { description: 'Observed syncs in the window' })
  observed!: number;

  @Field(() => [SyncFailureModel], { description: 'Latest failures (at most 10, outages first)' })
  failures!: SyncFailureModel[];
}

@ObjectType('SyncHealthReport')
export class SyncHealthReportModel {
  @Field(() => String)
  generatedAt!: string;

  @Field(() => Int, { description: 'Observations older than this are not counted' })
  windowSeconds!: number;

  @Field(() => [SyncHealthModel])
  entries!: SyncHealthModel[];
}
