import type { Params } from 'nestjs-pino';
import { currentCorrelationId } from '../correlation/correlation-context';
import type { PlatformConfig } from '../config/platform.config';

/**
 * The application logger (nestjs-pino over pino): every line carries the app name and, inside a
 * request or job, its correlation id; API keys and authorization headers are redacted wherever
 * they appear. Request lines come from installRequestLogHook, not from pino-http: nestjs-pino's
 * request middlewares are bound to no route, so they cost nothing per request.
 */
export function loggingParams(app: string, config: PlatformConfig): Params {
  return {
    forRoutes: [],
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { app },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
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
