import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { fingerprintOf, LedgerService, requestContext, SandboxIdempotency } from '../../core';

export interface PostingSpec<R> {
  /** Ledger operation, e.g. 'reservation.create'. */
  operation: string;
  /** Runs synchronously inside the store transaction; returns the response body. */
  apply: () => R;
  /** The business object the posting is about (reservation reference, transfer order id, …). */
  businessKey: (result: R) => string;
}

/**
 * Every state-changing WMS call goes through here: applied once per Idempotency-Key (a replay
 * returns the first response and writes nothing), and recorded in the ledger in the same
 * transaction as the change.
 */
@Injectable()
export class WmsPosting {
  constructor(
    @Inject(SandboxIdempotency) private readonly idempotency: SandboxIdempotency,
    @Inject(LedgerService) private readonly ledger: LedgerService,
  ) {}

  run<R>(req: FastifyRequest, spec: PostingSpec<R>): R {
    const ctx = requestContext(req);
    const path = req.url.split('?')[0];
    const { result } = this.idempotency.once(
      { plant: ctx.plant, system: ctx.system },
      ctx.idempotencyKey,
      fingerprintOf(req.method, path, req.body ?? null),
      () => {
        const result = spec.apply();
        this.ledger.record({
          plant: ctx.plant,
          system: ctx.system,
          operation: spec.operation,
          idempotencyKey: ctx.idempotencyKey,
          correlationId: ctx.correlationId,
          businessKey: spec.businessKey(result),
          payload: { path, body: req.body ?? null },
          result,
        });
        return result;
      },
    );
    return result;
  }
}
