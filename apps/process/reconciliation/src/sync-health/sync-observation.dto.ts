import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { SYNC_DOMAINS } from '@plantsync/landscape';
import { SYNC_OUTCOMES } from './sync-observation.entity';

export class SyncObservationDto {
  @ApiProperty({ example: 'P200' })
  @Matches(/^[A-Z0-9_-]{1,16}$/, { message: 'plant must be a plant code such as P200' })
  plant!: string;

  @ApiProperty({ enum: SYNC_DOMAINS })
  @IsIn(SYNC_DOMAINS)
  domain!: (typeof SYNC_DOMAINS)[number];

  @ApiProperty({ example: 'MO-P200-0001/OP20/7', description: 'What was synced: order, confirmation, movement' })
  @IsString()
  @Length(1, 128)
  businessKey!: string;

  @ApiProperty({ example: 'production-sync', description: 'The reporting app' })
  @IsString()
  @Length(1, 64)
  source!: string;

  @ApiProperty({ enum: SYNC_OUTCOMES })
  @IsIn(SYNC_OUTCOMES)
  outcome!: (typeof SYNC_OUTCOMES)[number];

  @ApiProperty({ example: '2026-11-22T05:00:00Z', description: 'When the business event happened at the plant' })
  @IsISO8601()
  eventTime!: string;

  @ApiPropertyOptional({ example: '2026-11-22T05:00:04Z', description: 'When the target system took the posting (success)' })
  @IsOptional()
  @IsISO8601()
  postedAt?: string;

  @ApiPropertyOptional({ example: 'Posting period 2026-10 is closed in the ERP' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ example: 'Finished goods of MO-P200-0001 are not in ERP stock' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  impact?: string;
}

export class RecordSyncObservationsDto {
  @ApiProperty({ type: [SyncObservationDto], maxItems: 500 })
  @ValidateNested({ each: true })
  @Type(() => SyncObservationDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  observations!: SyncObservationDto[];
}
