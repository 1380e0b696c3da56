import type { ClassifiedError } from '@plantsync/platform';

/**
 * A business failure of a step (not retried): the saga compensates and fails with `message` as
 * its reason. `code` is stable (e.g. `bom-revision-not-found`).
 */
export class SagaStepFailed extends Error implements ClassifiedError {
  readonly classification = 'permanent' as const;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SagaStepFailed';
  }
}

export class SagaNotFoundError extends Error implements ClassifiedError {
  readonly classification = 'not_found' as const;
  readonly code = 'saga-not-found';
  constructor(readonly sagaId: string) {
    super(`no saga ${sagaId}`);
    this.name = 'SagaNotFoundError';
  }
}

/** The saga is not in a state that allows the request (approve a completed saga, cancel a failed one). 409. */
export class SagaStateError extends Error implements ClassifiedError {
  readonly classification = 'conflict' as const;
  readonly code = 'saga-state-conflict';
  readonly details: Record<string, unknown>;
  constructor(
    readonly sagaId: string,
    readonly status: string,
    action: string,
  ) {
    super(`cannot ${action} saga ${sagaId}: it is ${status}`);
    this.name = 'SagaStateError';
    this.details = { sagaId, status };
  }
}

/** Another saga of the same type is active for this business key. 409 naming it. */
export class SagaAlreadyActiveError extends Error implements ClassifiedError {
  readonly classification = 'conflict' as const;
  readonly code = 'saga-already-active';
  readonly details: Record<string, unknown>;
  constructor(
    readonly type: string,
    readonly businessKey: string,
    readonly activeSagaId: string,
  ) {
    super(`${type} ${activeSagaId} is already active for ${businessKey}`);
    this.name = 'SagaAlreadyActiveError';
    this.details = { activeSagaId, businessKey };
  }
}
