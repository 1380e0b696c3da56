import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { IDEMPOTENCY_KEY_HEADER, requirePrincipal } from '@plantsync/platform';
import type { FastifyRequest } from 'fastify';
import type { CallContext } from '../ports/call-context';
import { requestCallContext } from './request-call-context';

/**
 * The CallContext of a posting route (`@PostingRoute`): the request's correlation id and the
 * backend Idempotency-Key derived from the caller and its own key (see requestCallContext).
 * `@PostingContext('wms-api') ctx: CallContext` replaces taking the principal and the key
 * separately in every handler. Without an authenticated caller it answers 401, as
 * `@CurrentPrincipal()` does.
 */
export const PostingContext = createParamDecorator((app: string, context: ExecutionContext): CallContext => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const principal = requirePrincipal(request);
  const header = request.headers[IDEMPOTENCY_KEY_HEADER];
  return requestCallContext(app, principal, Array.isArray(header) ? header[0] : header);
});
