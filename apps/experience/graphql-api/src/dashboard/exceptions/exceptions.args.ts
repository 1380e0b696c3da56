import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { OperationalExceptionKind } from './models/operational-exception.model';

@ArgsType()
export class OperationalExceptionsArgs {
  @Field(() => String, { nullable: true, description: 'Plant code, e.g. P100; every plant when absent' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,16}$/, { message: 'plant must be a plant code such as P100' })
  plant?: string;

  @Field(() => [OperationalExceptionKind], { nullable: true, description: 'Only these kinds; every kind when absent' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(OperationalExceptionKind, { each: true })
  kinds?: OperationalExceptionKind[];

  @Field(() => Int, { defaultValue: 100, description: 'Newest first, 1–500' })
  @IsInt()
  @Min(1)
  @Max(500)
  first: number = 100;
}
