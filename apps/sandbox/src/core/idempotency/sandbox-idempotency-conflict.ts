/** Same Idempotency-Key reused with a different request body: simulators answer 422. */
export class SandboxIdempotencyConflict extends Error {
  readonly status = 422;

  constructor(
    readonly key: string,
    readonly scope: { plant: string; system: string },
  ) {
    super(
      `Idempotency-Key "${key}" was already used for a different request (${scope.plant}/${scope.system})`,
    );
    this.name = 'SandboxIdempotencyConflict';
  }
}
