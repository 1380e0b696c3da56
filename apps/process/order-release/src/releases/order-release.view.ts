import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Quantity } from '@plantsync/canonical';
import { SAGA_STATUSES, SAGA_STEP_STATUSES, type SagaStatus, type SagaStepStatus, type SagaView } from '@plantsync/saga';
import type { OrderReleaseContext } from '../saga/order-release.context';

export class OrderReleaseStepView {
  @ApiProperty({ example: 'reserve-components' }) name!: string;
  @ApiProperty({ enum: SAGA_STEP_STATUSES }) status!: SagaStepStatus;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'wms-api createReservation: WMS at P100 is down' }) lastError!: string | null;
}

export class ShortageView {
  @ApiProperty({ example: 'SEAL-2535' }) item!: string;
  @ApiProperty({ type: Quantity }) required!: Quantity;
  @ApiProperty({ type: Quantity }) available!: Quantity;
  @ApiProperty({ type: Quantity, description: 'Open quantity of purchase orders due before the planned start' })
  coveredByPurchaseOrders!: Quantity;
  @ApiProperty({ example: ['PO-P100-0003'], type: [String] }) purchaseOrders!: string[];
  @ApiProperty({ type: Quantity, description: 'What nothing covers' }) shortfall!: Quantity;
}

export class RequirementView {
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
  @ApiPropertyOptional({ type: Quantity, description: 'Available to promise when checked' }) available?: Quantity;
}

export class ReservationView {
  @ApiProperty({ example: 'BRKT-1042' }) item!: string;
  @ApiProperty({ example: 'RSV-P100-000012' }) id!: string;
  @ApiProperty({ type: Quantity }) quantity!: Quantity;
}

export class CompensationView {
  @ApiProperty({ example: 2 }) seq!: number;
  @ApiProperty({ example: 'reserve-components' }) step!: string;
  @ApiProperty({ example: 'cancel-reservation' }) action!: string;
  @ApiProperty({ enum: ['pending', 'done'] }) status!: 'pending' | 'done';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt!: string | null;
}

export class FailureView {
  @ApiProperty({ example: 'select-bom-revision', nullable: true, type: String }) step!: string | null;
  @ApiProperty({ example: 'no-released-bom-revision' }) code!: string;
  @ApiProperty({ example: 'no released BOM revision of ACT-2300 effective 2026-11-22' }) reason!: string;
}

/** A release as the planner follows it: state, every step with its timestamps, shortages. */
export class OrderReleaseView {
  @ApiProperty({ example: '0b6f3c1e-5a52-4a57-a1b0-6f7d1c2f9e10' }) id!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'MO-P100-0003' }) productionOrder!: string;
  @ApiProperty({ enum: SAGA_STATUSES }) status!: SagaStatus;
  @ApiProperty({ type: String, nullable: true, example: 'reserve-components' }) currentStep!: string | null;
  @ApiProperty({ example: 'planner:demo-planner via demo-service', description: 'The key that started it, or the person a service started it for (X-Acting-For)' }) requestedBy!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Approval deadline while awaiting_approval' })
  approvalDeadline!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who approved or rejected; `<person> via <service key>` when a service acted for a person (X-Acting-For)' })
  decidedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelRequestedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Customer order moved to P300 (by planner:demo-planner via demo-service)', description: 'Why and by whom it was cancelled' })
  cancelReason!: string | null;
  @ApiProperty({ type: FailureView, nullable: true }) failure!: FailureView | null;
  @ApiPropertyOptional({ example: 'B' }) bomRevision?: string;
  @ApiProperty({ type: [OrderReleaseStepView] }) steps!: OrderReleaseStepView[];
  @ApiProperty({ type: [ShortageView] }) shortages!: ShortageView[];
  @ApiProperty({ type: [RequirementView] }) requirements!: RequirementView[];
  @ApiProperty({ type: [ReservationView] }) reservations!: ReservationView[];
  @ApiProperty({ type: [CompensationView] }) compensations!: CompensationView[];
  @ApiPropertyOptional({ example: 'WO-MO-P100-0003' }) workOrder?: string;
}

export class OrderReleasePage {
  @ApiProperty({ type: [OrderReleaseView] }) items!: OrderReleaseView[];
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function toOrderReleaseView(saga: SagaView<OrderReleaseContext>): OrderReleaseView {
  const ctx = saga.context;
  const failed = saga.failureReason !== null && saga.status !== 'completed';
  return {
    id: saga.id,
    plant: ctx.plant,
    productionOrder: ctx.productionOrder,
    status: saga.status,
    currentStep: saga.currentStep,
    requestedBy: ctx.requestedBy,
    correlationId: saga.correlationId,
    createdAt: iso(saga.createdAt)!,
    updatedAt: iso(saga.updatedAt)!,
    approvalDeadline: iso(saga.deadlineAt),
    decidedBy: saga.decidedBy,
    cancelRequestedAt: iso(saga.cancelRequestedAt),
    cancelReason: saga.cancelReason,
    failure: failed ? { step: saga.failedStep, code: saga.failureCode ?? 'failed', reason: saga.failureReason! } : null,
    ...(ctx.bom ? { bomRevision: ctx.bom.revision } : {}),
    steps: saga.steps.map((s) => ({
      name: s.name,
      status: s.status,
      attempts: s.attempts,
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.finishedAt),
      lastError: s.lastError,
    })),
    shortages: ctx.shortages ?? [],
    requirements: ctx.availability ?? ctx.requirements ?? [],
    reservations: ctx.reservations ?? [],
    compensations: saga.compensations.map((c) => ({ seq: c.seq, step: c.step, action: c.action, status: c.status, doneAt: iso(c.doneAt) })),
    ...(ctx.workOrder ? { workOrder: ctx.workOrder } : {}),
  };
}
