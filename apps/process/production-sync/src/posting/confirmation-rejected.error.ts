/**
 * A confirmation that can never be posted as it is (unknown order, closed period, unit mismatch):
 * `transient = false` makes libs/messaging treat it as permanent (no retries), and the message is
 * what the dead letter shows a plant supervisor.
 */
export class ConfirmationRejected extends Error {
  override readonly name = 'ConfirmationRejected';
  readonly transient = false;

  constructor(
    /** Short code for the dead letter's reason, e.g. `unknown-production-order`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
