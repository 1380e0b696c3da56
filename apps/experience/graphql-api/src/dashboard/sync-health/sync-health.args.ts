import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, Matches } from 'class-validator';
import { SyncDomain } from './models/sync-health.model';

@ArgsType()
export class SyncHealthArgs {
  @Field(() => String, { nullable: true, description: 'Plant code, e.g. P200; every plant when absent' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,16}$/, { message: 'plant must be a plant code such as P200' })
  plant?: string;

  @Field(() => SyncDomain, { nullable: true })
  @IsOptional()
  @IsEnum(SyncDomain)
  domain?: SyncDomain;

  @Field(() => Boolean, { defaultValue: false, description: 'Only stale plant × domain pairs' })
  @IsBoolean()
  staleOnly: boolean = false;
}
