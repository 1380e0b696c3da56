import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Logger, Level } from 'pino';
import { RAW_CORRELATION_KEY } from '../correlation/correlation.hooks';

/** 5xx is an error, 4xx a warning, everything else information. */
export function requestLogLevel(status: number): Level {
  return status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
}

/**
 * One JSON line per finished request — correlationId, method, url, status, durationMs — written
 * by a Fastify onResponse hook with the application's root pino logger. This replaces pino-http
 * and nestjs-pino's request middlewares, which built a child logger and an AsyncLocalStorage
 * scope for every request even when nothing was logged (≈9 % of a system API's CPU on a cheap
 * read; docs/performance.md, row 1). Application logs still carry the correlation id through the
 * logger's mixin (logging.options.ts). `rootLogger` defaults to nestjs-pino's root, resolved on
 * first use because nestjs-pino creates it while the app initialises.
 */
export function installRequestLogHook(
  fastify: FastifyInstance,
  rootLogger: () => Logger = () => PinoLogger.root,
): void {
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const logger = rootLogger();
    const status = reply.statusCode;
    const level = requestLogLevel(status);
    if (logger?.isLevelEnabled(level)) {
      logger[level](
        {
          correlationId: (request.raw as unknown as Record<string, unknown>)[RAW_CORRELATION_KEY],
          // Flat keys: the logger pino-http builds has serializers for `req` and `res` objects
          // that expect Node's own request and response.
          method: request.method,
          url: request.url,
          status,
          durationMs: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}
