import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import type { DeadLetter } from './dead-letter.entity';

const STATUSES = ['open', 'replayed', 'discarded'] as const;

export class DeadLetterFilterDto {
  @IsOptional() @IsString() @Length(1, 64) queue?: string;
  @IsOptional() @IsString() @Length(1, 128) jobName?: string;
  @IsOptional() @IsString() @Length(1, 128) reason?: string;
  @IsOptional() @IsString() @Length(1, 128) businessKey?: string;
}

export class ListDeadLettersQueryDto extends DeadLetterFilterDto {
  @IsOptional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];
  @IsOptional() @IsString() cursor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class ReplayManyDto {
  @ValidateNested() @Type(() => DeadLetterFilterDto) filter!: DeadLetterFilterDto;
}

export class DiscardDto {
  @IsString() @Length(3, 500) reason!: string;
}

/** The API view of a dead letter: the payload parsed back to JSON. */
export function toDeadLetterView(dl: DeadLetter) {
  return { ...dl, payload: JSON.parse(dl.payload) as unknown, createdAt: dl.createdAt.toISOString() };
}
