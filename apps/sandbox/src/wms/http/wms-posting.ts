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

/** A posting that makes several records at once (a reservation batch): all of them, or none. */
export interface LinesPostingSpec<L> {
  /** Ledger operation of each line, e.g. 'reservation.create' — the same as the single posting's. */
  operation: string;
  /** Runs synchronously inside the store transaction; a throw rolls back every line. */
  apply: () => L[];
  businessKey: (line: L) => string;
  /** The request body of one line as if it had been posted on its own, for its ledger entry. */
  lineBody: (line: L) => unknown;
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

  /**
   * A batch posting: applied once per Idempotency-Key like `run`, with one ledger entry per line
   * (so the ledger counts the same postings as N single calls would write), all in one transaction.
   */
  runLines<L>(req: FastifyRequest, spec: LinesPostingSpec<L>): L[] {
    const ctx = requestContext(req);
    const path = req.url.split('?')[0];
    const { result } = this.idempotency.once(
      { plant: ctx.plant, system: ctx.system },
      ctx.idempotencyKey,
      fingerprintOf(req.method, path, req.body ?? null),
      () => {
        const lines = spec.apply();
        for (const line of lines)
          this.ledger.record({
            plant: ctx.plant,
            system: ctx.system,
            operation: spec.operation,
            idempotencyKey: ctx.idempotencyKey,
            correlationId: ctx.correlationId,
            businessKey: spec.businessKey(line),
            payload: { path, body: spec.lineBody(line) },
            result: line,
          });
        return lines;
      },
    );
    return result;
  }
}
