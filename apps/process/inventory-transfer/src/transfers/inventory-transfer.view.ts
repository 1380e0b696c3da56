import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { decimal, formatDecimal, Quantity } from '@plantsync/canonical';
import { ProcessJobName } from '@plantsync/messaging';
import type { SagaView } from '@plantsync/saga';
import type { TransferReceipt } from '../receipts/transfer-receipt.entity';
import { movedLot, type TransferContext } from './inventory-transfer.context';

export const TRANSFER_STATUSES = [
  'requested',
  'in_transit',
  'partially_received',
  'received',
  'completed',
  'compensating',
  'failed',
  'cancelled',
  'exception',
  'resolved',
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export class TransferStepView {
  @ApiProperty({ example: 'ship-transfer' }) name!: string;
  @ApiProperty({ enum: ['pending', 'running', 'done', 'failed', 'compensated', 'skipped'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) startedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) finishedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError!: string | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) output!: unknown;
}

export class TransferReceiptView {
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiProperty({ type: Quantity, description: 'Received in total after this receipt' }) receivedTotal!: Quantity;
  @ApiProperty() receivedBy!: string;
  @ApiProperty() receivedAt!: string;
}

export class TransferFailureView {
  @ApiPropertyOptional({ type: String, nullable: true }) step!: string | null;
  @ApiProperty({ example: 'insufficient-stock' }) code!: string;
  @ApiProperty() reason!: string;
}

export class TransferCompensationView {
  @ApiProperty() action!: string;
  @ApiProperty() step!: string;
  @ApiProperty({ enum: ['pending', 'done'] }) status!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) doneAt!: string | null;
}

export class TransferQuantitiesView {
  @ApiProperty({ type: Quantity }) requested!: Quantity;
  @ApiProperty({ type: Quantity }) shipped!: Quantity;
  @ApiProperty({ type: Quantity }) received!: Quantity;
}

/** An inventory transfer as planners and the receiving plant see it. */
export class InventoryTransferView {
  @ApiProperty({ example: '3f0c2a9e-3c55-5f0b-9b7e-2d8f3a1c4e77' }) id!: string;
  @ApiProperty({ enum: TRANSFER_STATUSES }) status!: TransferStatus;
  @ApiProperty({ description: 'The saga status underneath (running, awaiting_approval, exception, …)' }) sagaStatus!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) currentStep!: string | null;
  @ApiProperty({ example: 'BRG-6205' }) item!: string;
  @ApiPropertyOptional({ description: 'The requested lot, else the lot the source picked' }) lot?: string;
  @ApiProperty({ example: 'P100' }) fromPlant!: string;
  @ApiPropertyOptional() fromLocation?: string;
  @ApiProperty({ example: 'P300' }) toPlant!: string;
  @ApiPropertyOptional() toLocation?: string;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiPropertyOptional() reservation?: string;
  @ApiPropertyOptional({ example: 'P100/STO/00214', description: "The stock transport order's number in the source plant's ERP" })
  stockTransport?: string;
  @ApiPropertyOptional() transferOrder?: string;
  @ApiPropertyOptional() goodsIssue?: string;
  @ApiPropertyOptional() goodsReceipt?: string;
  @ApiProperty({ type: TransferQuantitiesView }) quantities!: TransferQuantitiesView;
  @ApiProperty({ type: [TransferReceiptView] }) receipts!: TransferReceiptView[];
  @ApiPropertyOptional({ type: TransferFailureView, nullable: true }) failure!: TransferFailureView | null;
  @ApiProperty({ type: [TransferStepView] }) steps!: TransferStepView[];
  @ApiProperty({ type: [TransferCompensationView] }) compensations!: TransferCompensationView[];
  @ApiProperty() correlationId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

function stepDone(saga: SagaView<TransferContext>, name: string): boolean {
  return saga.steps.some((s) => s.name === name && (s.status === 'done' || s.status === 'skipped'));
}

/** What the planner cares about, derived from the saga status and how far the goods got. */
export function transferStatus(saga: SagaView<TransferContext>, received: string): TransferStatus {
  switch (saga.status) {
    case 'completed':
    case 'failed':
    case 'cancelled':
    case 'exception':
    case 'resolved':
    case 'compensating':
      return saga.status;
    case 'expired':
      return 'failed';
    case 'running':
    case 'awaiting_approval':
      if (stepDone(saga, ProcessJobName.ReceiveTransfer)) return 'received';
      if (stepDone(saga, ProcessJobName.ShipTransfer)) return decimal(received).isZero() ? 'in_transit' : 'partially_received';
      return 'requested';
  }
}

export function toTransferView(saga: SagaView<TransferContext>, receipts: TransferReceipt[]): InventoryTransferView {
  const ctx = saga.context;
  const unit = ctx.stockQuantity?.unit ?? ctx.quantity.unit;
  const received = receipts.reduce((sum, r) => sum.plus(r.quantity), decimal('0'));
  const lot = movedLot(ctx);
  return {
    id: saga.id,
    status: transferStatus(saga, formatDecimal(received)),
    sagaStatus: saga.status,
    currentStep: saga.currentStep,
    item: ctx.item,
    ...(lot ? { lot } : {}),
    fromPlant: ctx.fromPlant,
    ...(ctx.sourceLocation ?? ctx.fromLocation ? { fromLocation: ctx.sourceLocation ?? ctx.fromLocation } : {}),
    toPlant: ctx.toPlant,
    ...(ctx.destinationLocation ?? ctx.toLocation ? { toLocation: ctx.destinationLocation ?? ctx.toLocation } : {}),
    reason: ctx.reason,
    requestedBy: ctx.requestedBy,
    ...(ctx.reservation ? { reservation: ctx.reservation } : {}),
    ...(ctx.stockTransportNumber ? { stockTransport: ctx.stockTransportNumber } : {}),
    ...(ctx.transferOrder ? { transferOrder: ctx.transferOrder } : {}),
    ...(ctx.goodsIssue ? { goodsIssue: ctx.goodsIssue } : {}),
    ...(ctx.goodsReceipt ? { goodsReceipt: ctx.goodsReceipt } : {}),
    quantities: {
      requested: ctx.quantity,
      shipped: ctx.shippedQuantity ?? Quantity.of('0', unit),
      received: Quantity.of(formatDecimal(received), unit),
    },
    receipts: receipts.map((r) => ({
      quantity: Quantity.of(r.quantity, r.unit),
      receivedTotal: Quantity.of(r.receivedTotal, r.unit),
      receivedBy: r.receivedBy,
      receivedAt: new Date(r.receivedAt).toISOString(),
    })),
    failure: saga.failureCode ? { step: saga.failedStep, code: saga.failureCode, reason: saga.failureReason ?? saga.failureCode } : null,
    steps: saga.steps.map((s) => ({
      name: s.name,
      status: s.status,
      attempts: s.attempts,
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.finishedAt),
      lastError: s.lastError,
      output: s.output,
    })),
    compensations: saga.compensations.map((c) => ({ action: c.action, step: c.step, status: c.status, doneAt: iso(c.doneAt) })),
    correlationId: saga.correlationId,
    createdAt: new Date(saga.createdAt).toISOString(),
    updatedAt: new Date(saga.updatedAt).toISOString(),
  };
}
