import { ApiProperty } from '@nestjs/swagger';

export class SyncFailureView {
  @ApiProperty({ example: 'P200' }) plant!: string;
  @ApiProperty({ example: 'production' }) domain!: string;
  @ApiProperty({ type: String, nullable: true, example: 'MO-P200-0001', description: 'null for a backend outage' }) businessKey!: string | null;
  @ApiProperty({ example: 'Posting period 2026-10 is closed in the ERP' }) reason!: string;
  @ApiProperty({ example: 'Finished goods of MO-P200-0001 are not in ERP stock' }) impact!: string;
  @ApiProperty({ enum: ['failure', 'dead_letter', 'backend_down'] }) kind!: string;
  @ApiProperty() at!: string;
}

export class SyncHealthEntryView {
  @ApiProperty({ example: 'P200' }) plant!: string;
  @ApiProperty({ enum: ['inventory', 'production', 'orders', 'master_data'] }) domain!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Latest successful posting or completed reconciliation' }) lastSuccessfulSync!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median lag (s), business event → posting, in the window' }) lagP50Seconds!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95th percentile lag (s) in the window' }) lagP95Seconds!: number | null;
  @ApiProperty({ description: 'Jobs waiting, delayed or active in the domain\'s queues (all plants: queues are per process)' }) backlog!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Failed ÷ observed syncs in the window' }) failureRate!: number | null;
  @ApiProperty({ description: 'Syncs that ended in a dead letter in the window' }) deadLetters!: number;
  @ApiProperty({ description: 'Observed syncs in the window' }) observed!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The landscape\'s objective' }) maxLagSeconds!: number | null;
  @ApiProperty() stale!: boolean;
  @ApiProperty({ type: [String], description: 'Why it is stale' }) staleReasons!: string[];
  @ApiProperty({ type: [SyncFailureView], description: 'Latest failures (10) with business context' }) failures!: SyncFailureView[];
}

export class SyncHealthView {
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ description: 'Observations older than this are not counted' }) windowSeconds!: number;
  @ApiProperty({ type: [SyncHealthEntryView] }) entries!: SyncHealthEntryView[];
}
