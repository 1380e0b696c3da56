export const SAGA_STATUSES = [
  'running',
  'awaiting_approval',
  'compensating',
  'completed',
  'failed',
  'cancelled',
  'expired',
  // Past the point of no return: a failure waits for a person (retry or resolve), never compensates.
  'exception',
  'resolved',
] as const;
export type SagaStatus = (typeof SAGA_STATUSES)[number];

/** States a saga never leaves. */
export const TERMINAL_SAGA_STATUSES: readonly SagaStatus[] = ['completed', 'failed', 'cancelled', 'expired', 'resolved'];
/** States in which the saga still holds its business key (one active saga per key and type). */
export const ACTIVE_SAGA_STATUSES: readonly SagaStatus[] = ['running', 'awaiting_approval', 'compensating', 'exception'];

export const SAGA_STEP_STATUSES = ['pending', 'running', 'done', 'failed', 'compensated', 'skipped'] as const;
export type SagaStepStatus = (typeof SAGA_STEP_STATUSES)[number];

export type SagaCompensationStatus = 'pending' | 'done';
