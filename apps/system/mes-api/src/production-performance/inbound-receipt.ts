import { ApiProperty } from '@nestjs/swagger';
import { ProductionConfirmation } from '@plantsync/canonical';
import { IsIn } from 'class-validator';
import {
  INBOUND_CONFIRMATION_STATUSES,
  type InboundConfirmationStatus,
} from './inbound-confirmation.entity';

/** The answer to an inbound post: every message is either newly stored (accepted) or already known (duplicate). */
export class InboundReceipt {
  @ApiProperty({ example: '5f0c9a52-1d2b-4a8e-9d6e-0a2f3c4b5d6e' }) receiptId!: string;
  @ApiProperty({ type: [String], example: ['MES-P100-MO-P100-000031-0001'] }) accepted!: string[];
  @ApiProperty({ type: [String], example: [] }) duplicates!: string[];
  @ApiProperty({ example: '2026-11-02T10:15:01.412Z' }) receivedAt!: string;
}

export class StoredConfirmation {
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'MES-P100-MO-P100-000031-0001' }) messageId!: string;
  @ApiProperty({ example: 'MO-P100-000031' }) productionOrder!: string;
  @ApiProperty({ example: 1 }) sequence!: number;
  @ApiProperty({ enum: INBOUND_CONFIRMATION_STATUSES }) status!: string;
  @ApiProperty({ enum: ['json', 'b2mml'] }) format!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() receiptId!: string;
  @ApiProperty({ nullable: true, type: String }) correlationId!: string | null;
  @ApiProperty({ type: ProductionConfirmation }) confirmation!: ProductionConfirmation;
}

/** production-sync reports how far a stored confirmation got (service key only). */
export class ConfirmationStatusInput {
  @ApiProperty({
    enum: INBOUND_CONFIRMATION_STATUSES.filter((s) => s !== 'received'),
    example: 'posted',
  })
  @IsIn(INBOUND_CONFIRMATION_STATUSES.filter((s) => s !== 'received'))
  status!: Exclude<InboundConfirmationStatus, 'received'>;
}

export class ConfirmationStatusAnswer {
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'MES-P100-MO-P100-000031-0001' }) messageId!: string;
  @ApiProperty({ enum: INBOUND_CONFIRMATION_STATUSES }) status!: string;
}
