import { BackendUnavailableError, type ConnectorErrorContext } from '@plantsync/connectors';

/**
 * The circuit of a plant × system is open: the call was NOT made. Still a BackendUnavailableError
 * (503 + Retry-After to an API caller), but a job that meets it is deferred to the end of the
 * cool-down without spending one of its attempts (see `deferralOf`): an outage that the breaker
 * already knows about must never exhaust retries and turn into dead letters or failed sagas.
 */
export class CircuitOpenError extends BackendUnavailableError {
  /** Always true: nothing reached the backend. */
  readonly notAttempted = true;

  constructor(context: ConnectorErrorContext, retryAfterSeconds: number) {
    super(
      `circuit open for ${context.system ?? 'backend'} at ${context.plant ?? 'plant'}: failing fast`,
      context,
      retryAfterSeconds,
    );
  }
}
