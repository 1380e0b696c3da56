import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentCorrelationId } from '../correlation/correlation-context';
import { IDEMPOTENCY_REPLAYED_HEADER } from '../idempotency/idempotent.decorator';
import { IdempotentReplay } from '../idempotency/idempotent-replay';
import { PROBLEM_CONTENT_TYPE, renderProblem } from './problem-document';

/** Renders every error as application/problem+json; logs unexpected ones with their stack. */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (exception instanceof IdempotentReplay) {
      // A stored 4xx answer to an idempotent request, sent again as it was.
      reply.status(exception.response.status);
      for (const [name, value] of Object.entries(exception.response.headers))
        reply.header(name, value);
      reply.header(IDEMPOTENCY_REPLAYED_HEADER, 'true').send(exception.response.body);
      return;
    }
    const correlationId =
      currentCorrelationId() ?? (reply.getHeader?.('x-correlation-id') as string | undefined);
    const path = (request.url ?? '').split('?')[0];
    const problem = renderProblem(exception, path, correlationId);

    if (problem.unexpected) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(
        { err, correlationId, status: problem.status },
        `Unhandled error on ${request.method} ${path}`,
      );
    }
    if (reply.sent) return;
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE);
    for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
    reply.send(JSON.stringify(problem.body));
  }
}
