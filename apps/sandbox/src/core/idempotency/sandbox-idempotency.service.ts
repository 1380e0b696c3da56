import { Inject, Injectable } from '@nestjs/common';
import { SandboxStore } from '../store/sandbox-store';
import { SandboxIdempotencyConflict } from './sandbox-idempotency-conflict';

interface RememberedCall {
  key: string;
  fingerprint: string;
  result: unknown;
  at: string;
}

export interface IdempotencyScope {
  plant: string;
  system: string;
}

/**
 * Idempotency-Key handling of the simulators, durable in the store. The first call with a key
 * runs `apply` and remembers its result in the SAME transaction, so a crash can never leave a
 * posting applied but not remembered (or the reverse). `apply` is synchronous and should
 * record its ledger entry itself; a replay runs nothing and so writes no ledger entry.
 *
 * Results are stored as JSON: a replay returns a JSON copy (dates become strings).
 */
@Injectable()
export class SandboxIdempotency {
  constructor(@Inject(SandboxStore) private readonly store: SandboxStore) {}

  once<R>(
    scope: IdempotencyScope,
    key: string | undefined,
    fingerprint: string,
    apply: () => R,
  ): { result: R; replayed: boolean } {
    if (key === undefined || key === '')
      return { result: this.store.transaction(apply), replayed: false };
    const collection = `_idempotency/${scope.plant}/${scope.system}`;
    return this.store.transaction(() => {
      const seen = this.store.get<RememberedCall>(collection, key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) throw new SandboxIdempotencyConflict(key, scope);
        return { result: seen.result as R, replayed: true };
      }
      const result = apply();
      this.store.put<RememberedCall>(collection, key, {
        key,
        fingerprint,
        result: result === undefined ? null : result,
        at: new Date().toISOString(),
      });
      return { result, replayed: false };
    });
  }
}
