import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

/** The contract echoes X-Correlation-ID on every response; the problem filter does it for errors. */
export function echoCorrelationId(request: FastifyRequest, reply: FastifyReply): void {
  const value = request.headers['x-correlation-id'];
  const id = Array.isArray(value) ? value[0] : value;
  if (id) reply.header('x-correlation-id', id);
}

@Injectable()
export class WmsCorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    echoCorrelationId(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return next.handle();
  }
}
