import type { SagaFailureOutcome } from '../definition/saga-definition';
import type { SagaCompensationStatus, SagaStatus, SagaStepStatus } from '../persistence/saga-status';

export interface SagaStepView {
  name: string;
  status: SagaStepStatus;
  attempts: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  lastError: string | null;
  output: unknown;
}

export interface SagaCompensationView {
  seq: number;
  step: string;
  action: string;
  args: Record<string, unknown>;
  status: SagaCompensationStatus;
  doneAt: Date | null;
}

/** A saga as the API shows it: the instance, every step of the definition in order, and its compensations. */
export interface SagaView<Ctx> {
  id: string;
  type: string;
  businessKey: string;
  status: SagaStatus;
  currentStep: string | null;
  context: Ctx;
  failureReason: string | null;
  failureCode: string | null;
  failedStep: string | null;
  outcome: SagaFailureOutcome | null;
  correlationId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deadlineAt: Date | null;
  cancelRequestedAt: Date | null;
  cancelReason: string | null;
  decidedBy: string | null;
  steps: SagaStepView[];
  compensations: SagaCompensationView[];
}
