import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { RAW_CORRELATION_KEY } from '../correlation/correlation.hooks';
import { currentCorrelationId } from '../correlation/correlation-context';
import type { PlatformConfig } from '../config/platform.config';

const correlationOf = (req: IncomingMessage): string | undefined =>
  (req as unknown as Record<string, string | undefined>)[RAW_CORRELATION_KEY] ??
  currentCorrelationId();

/**
 * pino-http settings: one JSON line per request with correlationId, method, url, status and
 * duration; API keys and authorization headers redacted wherever they appear.
 */
export function loggingParams(app: string, config: PlatformConfig): Params {
  return {
    // nestjs-pino's default route '{/*splat}' matches nothing with the Nest 12 Fastify adapter
    // (checked: no request was logged); '*path' matches every route.
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { app },
      genReqId: (req: IncomingMessage) => correlationOf(req) ?? 'none',
      customProps: (req: IncomingMessage) => ({ correlationId: correlationOf(req) }),
      customAttributeKeys: { responseTime: 'durationMs' },
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'headers.authorization',
          'headers["x-api-key"]',
          '*.headers.authorization',
          '*.headers["x-api-key"]',
        ],
        censor: '[redacted]',
      },
    },
  };
}
