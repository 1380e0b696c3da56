import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { principalOf } from '../auth/request-principal';
import { currentCorrelationId } from '../correlation/correlation-context';
import { PROBLEM_CONTENT_TYPE, renderProblem } from '../errors/problem-document';
import { ProblemException } from '../errors/problem.exception';
import { PLATFORM_OPTIONS, PlatformOptions } from '../platform-options';
import { PLATFORM_REDIS_PREFIX } from '../redis/redis.tokens';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_REPLAYED_HEADER,
  IDEMPOTENT_METADATA,
  IdempotentOptions,
} from './idempotent.decorator';
import { IdempotencyLease } from './idempotency-lease';
import { IdempotencyProblemCode } from './idempotency-problems';
import { IdempotentReplay } from './idempotent-replay';
import { IdempotentResponseRecorder } from './idempotent-response.recorder';
import { requestFingerprint } from './idempotency-fingerprint';
import { BeginResult, IdempotencyStore, StoredResponse } from './idempotency.store';

const problem = (status: number, code: string, title: string, detail: string) =>
  new ProblemException({ status, code, title, detail });

/** Headers worth replaying; the rest (correlation id, dates) belong to the new exchange. */
const REPLAYED_HEADERS = ['content-type', 'location'];

/**
 * Applies Idempotency-Key semantics on @Idempotent handlers:
 * first request runs and its response (2xx and 4xx) is stored; a repeat gets it back with
 * Idempotency-Replayed: true; another body under the same key is 422; a repeat while the
 * first still runs is 409; a 5xx releases the key so a retry runs again. Redis unreachable
 * → 503 rather than risk applying the change twice. The first request holds the key with a
 * renewed lease (IdempotencyLease), so a holder that died or was cut off frees it within seconds.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly recorder: IdempotentResponseRecorder;

  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    @Inject(PLATFORM_REDIS_PREFIX) private readonly prefix: string,
  ) {
    this.recorder = new IdempotentResponseRecorder(store, this.logger);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const settings = this.reflector.get<Required<IdempotentOptions> | undefined>(
      IDEMPOTENT_METADATA,
      context.getHandler(),
    );
    if (!settings || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined) {
      if (settings.required) {
        throw problem(
          400,
          'idempotency-key-missing',
          'Idempotency-Key required',
          'This operation requires an Idempotency-Key header.',
        );
      }
      return next.handle();
    }
    if (key.length < 1 || key.length > 255) {
      throw problem(
        400,
        'idempotency-key-invalid',
        'Invalid Idempotency-Key',
        'Idempotency-Key must be 1–255 characters.',
      );
    }
    return from(this.run(request, reply, key, next));
  }

  private async run(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    next: CallHandler,
  ): Promise<unknown> {
    const principalId = principalOf(request)?.id ?? 'anonymous';
    const redisKey = `${this.prefix}idem:${this.options.app}:${principalId}:${key}`;
    const fingerprint = requestFingerprint(request.method, request.url, request.body);

    let begun: BeginResult;
    try {
      begun = await this.store.begin(redisKey, fingerprint);
    } catch (e) {
      this.logger.error(`Idempotency store unavailable: ${(e as Error).message}`);
      throw new ProblemException({
        status: 503,
        code: IdempotencyProblemCode.StoreUnavailable,
        title: 'Idempotency store unavailable',
        detail:
          'The request was not applied because its Idempotency-Key cannot be recorded. Retry later.',
        retryAfterSeconds: 5,
      });
    }
    switch (begun.outcome) {
      case 'mismatch':
        throw problem(
          422,
          'idempotency-key-reused',
          'Idempotency-Key reused',
          'This Idempotency-Key was already used with a different request.',
        );
      case 'in-flight':
        throw problem(
          409,
          IdempotencyProblemCode.InFlight,
          'Request in progress',
          'A request with this Idempotency-Key is still being processed. Retry later.',
        );
      case 'replay':
        return this.replay(reply, begun.response);
      case 'acquired':
        return this.execute(request, reply, next, redisKey, begun.token, fingerprint);
    }
  }

  private replay(reply: FastifyReply, stored: StoredResponse): unknown {
    if (stored.status >= 400) throw new IdempotentReplay(stored);
    reply.status(stored.status);
    for (const [name, value] of Object.entries(stored.headers)) reply.header(name, value);
    reply.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return stored.body;
  }

  private async execute(
    request: FastifyRequest,
    reply: FastifyReply,
    next: CallHandler,
    redisKey: string,
    token: string,
    fingerprint: string,
  ): Promise<unknown> {
    const lease = new IdempotencyLease(this.store, redisKey, token, this.logger).start();
    let result: unknown;
    try {
      result = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      const rendered = renderProblem(error, request.url.split('?')[0], currentCorrelationId());
      if (rendered.status >= 500) {
        lease.stop();
        // If Redis is away the marker is not renewed any more and frees itself within one lease.
        await this.store
          .release(redisKey, token)
          .catch((e: Error) => this.logger.warn(`Could not release ${redisKey}: ${e.message}`));
      } else {
        await this.recorder.record(
          redisKey,
          token,
          fingerprint,
          {
            status: rendered.status,
            headers: { ...rendered.headers, 'content-type': PROBLEM_CONTENT_TYPE },
            body: JSON.stringify(rendered.body),
          },
          lease,
        );
      }
      throw error;
    }
    const body =
      result === undefined ? '' : typeof result === 'string' ? result : JSON.stringify(result);
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    headers['content-type'] ??=
      typeof result === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    await this.recorder.record(
      redisKey,
      token,
      fingerprint,
      { status: reply.statusCode, headers, body },
      lease,
    );
    return result;
  }
}
