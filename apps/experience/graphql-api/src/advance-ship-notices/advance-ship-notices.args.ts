import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

@ArgsType()
export class AdvanceShipNoticeArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an advance ship notice id (a UUID)' })
  id!: string;
}

@ArgsType()
export class AdvanceShipNoticesArgs {
  @Field(() => String, { nullable: true, description: 'Receiving plant; required for planners' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,16}$/, { message: 'plant must be a plant code such as P100' })
  plant?: string;

  @Field(() => Int, { defaultValue: 50, description: 'Newest first, 1–200' })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number = 50;
}
