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
import { IdempotentReplay } from './idempotent-replay';
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
 * → 503 rather than risk applying the change twice.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    @Inject(PLATFORM_REDIS_PREFIX) private readonly prefix: string,
  ) {}

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
        code: 'idempotency-store-unavailable',
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
          'idempotency-key-in-flight',
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
    let result: unknown;
    try {
      result = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      const rendered = renderProblem(error, request.url.split('?')[0], currentCorrelationId());
      if (rendered.status >= 500) {
        await this.store
          .release(redisKey, token)
          .catch((e: Error) => this.logger.warn(`Could not release ${redisKey}: ${e.message}`));
      } else {
        await this.save(redisKey, token, fingerprint, {
          status: rendered.status,
          headers: { ...rendered.headers, 'content-type': PROBLEM_CONTENT_TYPE },
          body: JSON.stringify(rendered.body),
        });
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
    await this.save(redisKey, token, fingerprint, { status: reply.statusCode, headers, body });
    return result;
  }

  /** The change is applied by now; failing to record it must not turn success into an error. */
  private async save(
    redisKey: string,
    token: string,
    fingerprint: string,
    response: StoredResponse,
  ): Promise<void> {
    try {
      await this.store.complete(redisKey, token, fingerprint, response);
    } catch (e) {
      this.logger.error(
        `Could not store idempotent response for ${redisKey}: ${(e as Error).message}; retrying in the background`,
      );
      this.retrySave(redisKey, token, fingerprint, response, 1);
    }
  }

  /**
   * Redis dropped after the change was applied: keep trying to record the response (1 s doubling to
   * 10 s, about 75 s in all — inside the in-flight lock), so once Redis is back a client retry is
   * answered with the replay instead of 409 until the lock expires. The store only completes the
   * record if our in-flight marker is still there, so a late write never overwrites another request.
   */
  private retrySave(
    redisKey: string,
    token: string,
    fingerprint: string,
    response: StoredResponse,
    attempt: number,
  ): void {
    const delayMs = Math.min(1000 * 2 ** (attempt - 1), 10_000);
    setTimeout(() => {
      this.store.complete(redisKey, token, fingerprint, response).then(
        () =>
          this.logger.warn(`Stored idempotent response for ${redisKey} after ${attempt} retries`),
        (e: Error) => {
          if (attempt < MAX_SAVE_RETRIES)
            this.retrySave(redisKey, token, fingerprint, response, attempt + 1);
          else
            this.logger.error(`Gave up storing idempotent response for ${redisKey}: ${e.message}`);
        },
      );
    }, delayMs).unref();
  }
}

const MAX_SAVE_RETRIES = 10;
