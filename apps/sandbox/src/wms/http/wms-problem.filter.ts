import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SandboxIdempotencyConflict } from '../../core';
import { WMS_PROBLEM_BASE, WmsProblem } from './wms-problem';
import { echoCorrelationId } from './wms-correlation.interceptor';

/**
 * The WMS contract answers errors as RFC 9457 problem+json, so the WMS controllers bind this
 * filter instead of the sandbox's `{ error }` one. Never a stack trace.
 */
@Catch()
export class WmsProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('SandboxWms');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    echoCorrelationId(request, reply);
    const { status, slug, title, detail, extensions } = problem;
    void reply
      .code(status)
      .header('content-type', 'application/problem+json')
      .send({ ...extensions, type: WMS_PROBLEM_BASE + slug, title, status, detail, instance: request.url.split('?')[0] });
  }
}

function toProblem(exception: unknown): WmsProblem {
  if (exception instanceof WmsProblem) return exception;
  if (exception instanceof SandboxIdempotencyConflict)
    return new WmsProblem(422, 'idempotency-key-reused', 'Idempotency-Key reused', exception.message);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return new WmsProblem(status, status === 404 ? 'not-found' : `http-${status}`, exception.message, exception.message);
  }
  // Fastify's own client errors (malformed JSON, empty JSON body, …) carry a statusCode.
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500)
    return new WmsProblem(statusCode, 'validation-failed', 'Bad request', (exception as Error).message, { errors: [] });
  return new WmsProblem(500, 'internal-error', 'Internal error', 'The WMS failed to handle the request.');
}
