import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CORRELATION_HEADER,
  resolveCorrelationId,
  runWithCorrelation,
} from './correlation-context';

const resourceKey = Symbol('plantsync.correlation.resource');

type RequestWithResource = FastifyRequest & { [resourceKey]?: AsyncResource };

/** Where the correlation id is kept on the raw request, for the request logger. */
export const RAW_CORRELATION_KEY = 'plantsyncCorrelationId';

/**
 * Opens the correlation scope for every request before anything else runs and echoes the id.
 * Fastify parses the body on stream events, which loses the async context, so the scope is
 * captured in an AsyncResource and re-entered in preValidation (the same trick as
 * @fastify/request-context); guards, interceptors and handlers all run after that.
 */
export function installCorrelationHooks(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const id = resolveCorrelationId(request.headers[CORRELATION_HEADER]);
    (request.raw as unknown as Record<string, unknown>)[RAW_CORRELATION_KEY] = id;
    reply.header(CORRELATION_HEADER, id);
    runWithCorrelation(id, () => {
      (request as RequestWithResource)[resourceKey] = new AsyncResource('plantsync.correlation');
      done();
    });
  });
  fastify.addHook(
    'preValidation',
    (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
      const resource = (request as RequestWithResource)[resourceKey];
      if (resource) resource.runInAsyncScope(done, request.raw);
      else done();
    },
  );
}
