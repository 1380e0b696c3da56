import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SandboxIdempotencyConflict } from '../idempotency/sandbox-idempotency-conflict';

/**
 * The sandbox stands in for third-party products, so it answers errors with its own tiny
 * JSON `{ error }` rather than the platform's problem+json. Never a stack trace.
 * Simulators that must mimic a product's error format (Odoo JSON-2) bind their own filter
 * on their controllers, which takes precedence over this global one.
 */
@Catch()
export class SandboxErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Sandbox');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, error } = describe(exception);
    if (status >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    void reply
      .code(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ error });
  }
}

function describe(exception: unknown): { status: number; error: string } {
  if (exception instanceof SandboxIdempotencyConflict)
    return { status: 422, error: exception.message };
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    const message =
      typeof body === 'string'
        ? body
        : (body as { message?: unknown }).message !== undefined
          ? [(body as { message: unknown }).message].flat().join('; ')
          : exception.message;
    return { status: exception.getStatus(), error: message };
  }
  // Fastify errors (bad JSON body, too large, …) carry a statusCode.
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500)
    return { status: statusCode, error: (exception as Error).message };
  return { status: 500, error: 'internal error' };
}
