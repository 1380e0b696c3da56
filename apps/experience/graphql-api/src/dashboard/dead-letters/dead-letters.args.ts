import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { DeadLetterSourceName, DeadLetterStatus } from './models/dead-letter.model';

@ArgsType()
export class DeadLettersArgs {
  @Field(() => DeadLetterSourceName, { nullable: true, description: 'One process app; all when absent' })
  @IsOptional()
  @IsEnum(DeadLetterSourceName)
  source?: DeadLetterSourceName;

  @Field(() => DeadLetterStatus, { defaultValue: DeadLetterStatus.OPEN })
  @IsEnum(DeadLetterStatus)
  status: DeadLetterStatus = DeadLetterStatus.OPEN;
}

@InputType('DeadLetterFilter', { description: 'Which open dead letters to replay. At least one of reason, queue, jobName, businessKey.' })
export class DeadLetterFilterInput {
  @Field(() => DeadLetterSourceName, { nullable: true, description: 'One process app; all when absent' })
  @IsOptional()
  @IsEnum(DeadLetterSourceName)
  source?: DeadLetterSourceName;

  @Field(() => String, { nullable: true, description: 'e.g. backend-rejected' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  reason?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  queue?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  jobName?: string;

  @Field(() => String, { nullable: true, description: 'e.g. P100/MO-P100-0002' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  businessKey?: string;
}

@ArgsType()
export class ReplayDeadLettersArgs {
  @Field(() => DeadLetterFilterInput)
  @ValidateNested()
  @Type(() => DeadLetterFilterInput)
  filter!: DeadLetterFilterInput;
}

@ArgsType()
export class DeadLetterIdArgs {
  @Field(() => ID, { description: '`<source>:<uuid>`, as DeadLetter.id' })
  @IsString()
  @Length(3, 200)
  id!: string;
}

@ArgsType()
export class DiscardDeadLetterArgs extends DeadLetterIdArgs {
  @Field(() => String, { description: 'Why it is safe to drop (3–400 characters); recorded with your name' })
  @IsString()
  @Length(3, 400)
  reason!: string;
}
