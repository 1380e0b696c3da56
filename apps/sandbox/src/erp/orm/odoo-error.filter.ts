import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SandboxIdempotencyConflict } from '../../core';
import { OdooError } from './odoo-errors';

/**
 * Answers like Odoo's JSON-2 endpoint: an HTTP status and `{ name, message, arguments, context,
 * debug }`. `debug` holds a one-line pseudo traceback: the real one is a Python stack trace, which
 * the connector must never pass on (it only reads `name` and `message`).
 */
@Catch()
export class OdooErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('OdooSimulator');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, name, message } = describe(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    void reply
      .code(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ name, message, arguments: [message], context: {}, debug: `Traceback (most recent call last):\n${name}: ${message}\n` });
  }
}

function describe(exception: unknown): { status: number; name: string; message: string } {
  if (exception instanceof OdooError) return { status: exception.status, name: exception.odooName, message: exception.message };
  // Real Odoo ignores Idempotency-Key; the simulator honours it and refuses a key reused for another call.
  if (exception instanceof SandboxIdempotencyConflict)
    return { status: 422, name: 'plantsync.sandbox.IdempotencyKeyReused', message: exception.message };
  if (exception instanceof HttpException) {
    return { status: exception.getStatus(), name: 'werkzeug.exceptions.HTTPException', message: exception.message };
  }
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500)
    return { status: statusCode, name: 'werkzeug.exceptions.BadRequest', message: (exception as Error).message };
  return { status: 500, name: 'builtins.Exception', message: 'Internal Server Error' };
}
