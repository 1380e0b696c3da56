import type { ClassifiedError } from '@plantsync/platform';

export class DeadLetterNotFoundError extends Error implements ClassifiedError {
  readonly classification = 'not_found' as const;
  readonly code = 'dead-letter-not-found';
  constructor(readonly id: string) {
    super(`dead letter ${id} was not found`);
  }
}

export class DeadLetterStateError extends Error implements ClassifiedError {
  readonly classification = 'conflict' as const;
  readonly code = 'dead-letter-not-open';
  constructor(
    readonly id: string,
    readonly status: string,
  ) {
    super(`dead letter ${id} is ${status}; only an open dead letter can be replayed or discarded`);
  }
}
