import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { SAGA_STATUSES, type SagaStatus } from '@plantsync/saga';

export class ListOrderReleasesQuery {
  @ApiPropertyOptional({ example: 'P100' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,16}$/, { message: 'plant must be a plant code such as P100' })
  plant?: string;

  @ApiPropertyOptional({ enum: SAGA_STATUSES })
  @IsOptional()
  @IsIn(SAGA_STATUSES)
  status?: SagaStatus;

  @ApiPropertyOptional({ example: 'MO-P100-0002' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  productionOrder?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class CancelOrderReleaseQuery {
  @ApiPropertyOptional({ example: 'customer order moved to P300' })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  reason?: string;
}
