import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

export const IDEMPOTENT_METADATA = 'plantsync:idempotent';
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_REPLAYED_HEADER = 'idempotency-replayed';

export interface IdempotentOptions {
  /** When true a request without Idempotency-Key is refused (400 'idempotency-key-missing'). Default false: applied only when the header is sent. */
  required?: boolean;
}

/**
 * Makes a state-changing handler honour the Idempotency-Key header (IETF httpapi draft semantics)
 * and documents the header and its 409/422 answers in the OpenAPI document.
 */
export const Idempotent = (options: IdempotentOptions = {}) => {
  const required = options.required ?? false;
  return applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, { required }),
    ApiHeader({
      name: 'Idempotency-Key',
      required,
      description:
        'Same key and body replay the first response (Idempotency-Replayed: true); another body → 422; while the first is running → 409.',
    }),
    ApiConflictResponse({
      description: 'idempotency-key-in-flight (or a state conflict of the operation)',
    }),
    ApiUnprocessableEntityResponse({
      description: 'idempotency-key-reused with a different request',
    }),
  );
};

/** The request's Idempotency-Key, if sent (a param decorator, so it does not appear twice in OpenAPI). */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined => {
    const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers[IDEMPOTENCY_KEY_HEADER];
    return Array.isArray(header) ? header[0] : header;
  },
);
