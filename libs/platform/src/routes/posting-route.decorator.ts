import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import type { AccessKind } from '../auth/principal';
import { Idempotent } from '../idempotency/idempotent.decorator';

export interface PostingRouteOptions {
  summary: string;
  description?: string;
  /** 201 when the posting creates a record (a reservation, a receipt), 200 when it changes one. */
  status: 200 | 201;
  /** What the route answers with, for the OpenAPI document. */
  response: Type<unknown>;
  responseDescription?: string;
  /** `required`: a request without Idempotency-Key is refused (400 idempotency-key-missing). */
  idempotencyKey?: 'optional' | 'required';
  /** Who may post, when it differs from the controller's @Allow. */
  allow?: AccessKind[];
  /** The operation's own 400 codes, e.g. `validation-failed, unknown-item`. */
  badRequest?: string;
  notFound?: string;
  /** The operation's own 409 (e.g. `insufficient-stock`), documented beside the idempotency one. */
  conflict?: string;
}

/**
 * A system-API route that posts to a plant's backend: the status code, Idempotency-Key handling,
 * who may call it and its OpenAPI description, in one place so every posting route behaves and is
 * documented the same way. Pair it with `@PostingContext(app)` (libs/connectors) for the
 * connector call's context. The order below reproduces the stacked decorators it replaces, so the
 * generated OpenAPI documents stay identical.
 */
export const PostingRoute = (options: PostingRouteOptions) =>
  applyDecorators(
    ...(options.conflict ? [ApiConflictResponse({ description: options.conflict })] : []),
    ...(options.notFound ? [ApiNotFoundResponse({ description: options.notFound })] : []),
    ...(options.badRequest ? [ApiBadRequestResponse({ description: options.badRequest })] : []),
    (options.status === 201 ? ApiCreatedResponse : ApiOkResponse)({
      type: options.response,
      ...(options.responseDescription ? { description: options.responseDescription } : {}),
    }),
    ApiOperation({
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
    ...(options.allow ? [Allow(...options.allow)] : []),
    Idempotent({ required: options.idempotencyKey === 'required' }),
    HttpCode(options.status),
  );
